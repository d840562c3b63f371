package io.socialsync.publish.runs;

import io.socialsync.config.SocialSyncProperties.Roles;
import io.socialsync.config.SocialSyncProperties;
import io.socialsync.jobs.JobQueue;
import io.socialsync.jobs.JobRequest;
import io.socialsync.jobs.JobRows;
import io.socialsync.jobs.Workers;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.node.PeriodicTask;
import io.socialsync.platforms.PlatformSettings;
import io.socialsync.publish.PublicationState;
import io.socialsync.publish.Publications;
import io.socialsync.publish.PublishEvents;
import io.socialsync.publish.PublishRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * No post stays in PUBLISHING for ever: one whose PUBLISH job ended without settling it (the worker died on its
 * last attempt, someone cancelled the job) gets a new job, which resumes from the journal and asks the platform,
 * never re-posting. Each re-arm counts as a recovery try, so a post that keeps killing its workers ends
 * UNCONFIRMED (a call was in flight) or FAILED rather than looping.
 */
@Service
public class PublishWatchdog implements PeriodicTask.Owner {
    private static final int BATCH = 100;
    private static final int PAGE = 500;
    private final JdbcClient jdbc;
    private final JobRows jobRows;
    private final Publications rows;
    private final PublishRuns runs;
    private final JobQueue queue;
    private final Workers workers;
    private final PublishOutcomes outcomes;
    private final PublishEvents events;
    private final PlatformSettings settings;
    private final SocialSyncProperties properties;
    private final TransactionTemplate tx;
    private final Publishers publishers;

    public PublishWatchdog(JdbcClient jdbc, JobRows jobRows, Publications rows, PublishRuns runs, JobQueue queue, Workers workers,
                           PublishOutcomes outcomes, PublishEvents events, PlatformSettings settings,
                           SocialSyncProperties properties, TransactionTemplate tx, Publishers publishers) {
        this.jdbc = jdbc;
        this.jobRows = jobRows;
        this.rows = rows;
        this.runs = runs;
        this.queue = queue;
        this.workers = workers;
        this.outcomes = outcomes;
        this.events = events;
        this.settings = settings;
        this.properties = properties;
        this.tx = tx;
        this.publishers = publishers;
    }

    @Override
    public PeriodicTask periodic() {
        return PeriodicTask.of("Publishing watchdog", Roles::scheduler, properties.publishing().tickInterval(),
                () -> rearm(null), "Publishing watchdog re-armed {} publication(s) left in PUBLISHING");
    }

    /** @param workspaceId null: every workspace */
    public int rearm(Long workspaceId) {
        var stuck = new ArrayList<Publications.Publishing>();
        long after = 0;
        while (stuck.size() < BATCH) {
            var page = rows.publishingAfter(workspaceId, after, PAGE);
            // stuck: its job is gone or has ended, so nothing will settle the row
            var running = jobRows.unfinished(page.stream().map(Publications.Publishing::jobId)
                    .filter(Objects::nonNull).toList());
            page.stream().filter(p -> p.jobId() == null || !running.contains(p.jobId()))
                    .limit(BATCH - stuck.size()).forEach(stuck::add);
            if (page.size() < PAGE) {
                break;
            }
            after = page.getLast().id();
        }
        int rearmed = 0;
        for (var row : stuck) {
            Boolean done = tx.execute(status -> rearmOne(row.workspaceId(), row.id()));
            rearmed += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        if (rearmed > 0) {
            workers.wakeUp();
        }
        return rearmed;
    }

    private boolean rearmOne(long ws, long id) {
        var p = rows.lockById(ws, id).orElse(null);
        if (p == null || p.state() != PublicationState.PUBLISHING) {
            return false;
        }
        var actor = Actor.SYSTEM;
        if (runs.bumpRecovery(ws, id) > settings.recoveryTries()) {
            String detail = "its publishing job kept stopping before the outcome was known";
            var progress = runs.progress(ws, id);
            // an open call, or a post that exists already (uploaded, still processing): never failed
            boolean created = publishers.of(p.platform()).map(x -> x.postCreated(progress)).orElse(false);
            if (progress.intentAt() != null || created) {
                return outcomes.unconfirmed(ws, id, null, detail, actor);
            }
            return outcomes.fail(p, "publishing stopped repeatedly: " + detail, actor);
        }
        var request = PublishHandler.JOB.request(ws, new PublishHandler.Payload(id))
                .withIdempotencyKey("publish-" + id + "-after-job-" + p.jobId());
        long job = queue.enqueue(request, actor).job().id();
        jdbc.sql("UPDATE publications SET job_id = ? WHERE workspace_id = ? AND id = ?").params(job, ws, id).update();
        var payload = PublishEvents.base(p);
        payload.put("previous_job_id", p.jobId());
        payload.put("job_id", job);
        events.record(p, job, actor, EventType.PUBLISH_REARMED, payload);
        return true;
    }
}
