package io.socialsync.learning;

import io.socialsync.insights.Checkpoint;
import io.socialsync.jobs.JobContext;
import io.socialsync.jobs.JobFailure;
import io.socialsync.jobs.JobHandler;
import io.socialsync.jobs.JobKind;
import io.socialsync.jobs.JobSpec;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/** LEARN_OUTCOME: scores one publication at one checkpoint (idempotent: a stored score is returned as is). */
@Component
public class OutcomeHandler implements JobHandler {
    public static final String KIND = "LEARN_OUTCOME";
    public static final JobKind<Payload> JOB = JobKind.of(KIND, Payload.class);
    private final OutcomeScoring scoring;

    public record Payload(long publicationId, String checkpoint) {
    }

    public OutcomeHandler(OutcomeScoring scoring) {
        this.scoring = scoring;
    }

    @Override
    public JobSpec spec() {
        return new JobSpec(KIND, 5, Duration.ofMinutes(1), 2);
    }

    @Override
    public Object run(JobContext context) {
        var payload = context.payload(JOB);
        long id = payload.publicationId();
        var checkpoint = Checkpoint.parse(payload.checkpoint())
                .orElseThrow(() -> new JobFailure("unknown checkpoint in " + context.job().payload()));
        return scoring.score(context.workspaceId(), id, checkpoint)
                .<Object>map(o -> Map.of("score", o.score(), "engagement", o.engagement(),
                        "baseline_posts", o.baselinePosts()))
                .orElse(Map.of("skipped", "no usable metrics, or the publication is not posted"));
    }
}
