package io.socialsync.publish;

import io.socialsync.jobs.JobContext;
import io.socialsync.jobs.JobFailure;
import io.socialsync.jobs.JobHandler;
import io.socialsync.jobs.JobKind;
import io.socialsync.jobs.JobSpec;
import io.socialsync.ledger.Actor;
import io.socialsync.platforms.PublishOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The PUBLISH job of one publication: {@link PublishStart} (re-read, checks, PENDING → PUBLISHING), the
 * platform's publisher with a {@link WriteAheadJournal}, then {@link PublishFinish}. Later attempts of the same
 * job resume a PUBLISHING row from its journal; they never start it over.
 */
@Component
public class PublishHandler implements JobHandler {
    public static final String KIND = "PUBLISH";
    public static final JobKind<Payload> JOB = JobKind.of(KIND, Payload.class);

    /** The publication this job posts. */
    public record Payload(long publicationId) {
    }

    private final PublishStart start;
    private final PublishFinish finish;
    private final Publishers publishers;
    private final PublishRuns runs;
    private final PublishEvents events;
    private final TransactionTemplate tx;
    private final Clock clock;

    PublishHandler(PublishStart start, PublishFinish finish, Publishers publishers, PublishRuns runs,
                   PublishEvents events, TransactionTemplate tx, Clock clock) {
        this.start = start;
        this.finish = finish;
        this.publishers = publishers;
        this.runs = runs;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Attempts are for temporary trouble and for asking again about unknown outcomes, never for re-posting; an
     * hour is a large upload plus the platform's processing.
     */
    @Override
    public JobSpec spec() {
        return new JobSpec(KIND, 10, Duration.ofHours(1), 1);
    }

    @Override
    public Object run(JobContext context) {
        long ws = context.workspaceId();
        long id = context.payload(JOB).publicationId();
        var actor = Actor.worker("publisher");
        var decision = start.begin(ws, id, context.job().id(), actor);
        return switch (decision) {
            case PublishStart.Skip skip -> Map.of("skipped", skip.why());
            case PublishStart.Deferred d -> Map.of("status", "deferred", "scheduled_for", d.until().toString());
            case PublishStart.Refused r -> {
                var p = start.reread(ws, id);
                if (p != null && p.state() == PublicationState.PUBLISHING) {
                    boolean created = publishers.of(p.platform())
                            .map(publisher -> publisher.postCreated(runs.progress(ws, id))).orElse(false);
                    yield finish.cannotResume(p, r.reason(), created, actor);
                }
                throw new JobFailure(r.reason());
            }
            case PublishStart.Go go -> publish(go, context, actor);
        };
    }

    private Object publish(PublishStart.Go go, JobContext context, Actor actor) {
        var p = go.publication();
        var publisher = publishers.of(p.platform()).orElseThrow(() -> new JobFailure("no publisher for "
                + p.platform().wire()));
        var journal = new WriteAheadJournal(p, go.progress(), runs, events, tx, clock, actor, context::progress);
        PublishOutcome outcome;
        try {
            outcome = publisher.publish(go.target(), journal);
        } catch (CancellationException stop) {
            throw stop;
        } catch (RuntimeException bug) {
            // whatever broke, a call still marked as begun may have gone out: treat it as unknown, not as failed
            var progress = journal.progress();
            outcome = progress.intentAt() != null
                    ? new PublishOutcome.Unknown(progress.step(), "run stopped: " + bug)
                    : PublishOutcome.Failed.retryable("publishing stopped unexpectedly: " + bug);
        }
        return finish.apply(p, outcome, context.job(), actor);
    }
}
