package io.socialsync.insights;

import io.socialsync.jobs.JobQueue;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.LedgerEvent;
import io.socialsync.publish.PublishRuns;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues a posted publication's INSIGHTS jobs (1 h, 24 h and 7 days after posting) in the transaction that
 * records it posted: it listens for the ledger's {@code publish_posted} event, which every way of posting appends
 * (the publisher, the orchestrator's reports, a person settling an unconfirmed post), so publishing knows nothing
 * of metrics. The idempotency key makes each checkpoint one job, however often "posted" is reported.
 */
@Component
public class InsightsPlanner {
    private final JobQueue queue;
    private final PublishRuns runs;

    public InsightsPlanner(JobQueue queue, PublishRuns runs) {
        this.queue = queue;
        this.runs = runs;
    }

    @EventListener
    public void on(LedgerEvent event) {
        if (!EventType.PUBLISH_POSTED.is(event.eventType()) || !"publication".equals(event.entityType())) {
            return;
        }
        long ws = event.workspaceId();
        long id = Long.parseLong(event.entityId());
        Instant postedAt = runs.resultOf(ws, id).map(PublishRuns.Result::postedAt).orElse(event.occurredAt());
        var actor = new Actor(event.actor());
        for (Checkpoint c : Checkpoint.values()) {
            queue.enqueue(InsightsHandler.JOB.request(ws, new InsightsHandler.Payload(id, c.wire()))
                    .withIdempotencyKey(key(id, c)).at(postedAt.plus(c.after())), actor);
        }
    }

    static String key(long publicationId, Checkpoint c) {
        return "insights-" + publicationId + "-" + c.wire();
    }
}
