package io.socialsync.learning;

import io.socialsync.jobs.JobQueue;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.LedgerEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues a LEARN_OUTCOME job in the transaction that records a publication's metrics (the ledger's
 * {@code metrics_collected}), so insights knows nothing of learning and a scoring problem can never undo a
 * collection: the job scores later, retried by the queue. One job per publication and checkpoint.
 */
@Component
public class OutcomePlanner {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JobQueue queue;

    public OutcomePlanner(JobQueue queue) {
        this.queue = queue;
    }

    @EventListener
    public void on(LedgerEvent event) {
        if (!EventType.METRICS_COLLECTED.is(event.eventType()) || !"publication".equals(event.entityType())) {
            return;
        }
        String checkpoint = JSON.readTree(event.payload()).path("checkpoint").asString("");
        long id = Long.parseLong(event.entityId());
        queue.enqueue(OutcomeHandler.JOB.request(event.workspaceId(), new OutcomeHandler.Payload(id, checkpoint))
                .withIdempotencyKey("outcome-" + id + "-" + checkpoint), new Actor(event.actor()));
    }
}
