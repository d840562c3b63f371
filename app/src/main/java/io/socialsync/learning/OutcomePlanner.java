package io.socialsync.learning;

import io.socialsync.jobs.JobQueue;
import io.socialsync.jobs.JobRequest;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.LedgerEvent;
import java.util.Map;
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
    static final String COLLECTED = "metrics_collected";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JobQueue queue;

    public OutcomePlanner(JobQueue queue) {
        this.queue = queue;
    }

    @EventListener
    public void on(LedgerEvent event) {
        if (!COLLECTED.equals(event.eventType()) || !"publication".equals(event.entityType())) {
            return;
        }
        String checkpoint = JSON.readTree(event.payload()).path("checkpoint").asString("");
        long id = Long.parseLong(event.entityId());
        queue.enqueue(JobRequest.of(event.workspaceId(), OutcomeHandler.KIND, Map.of("publication_id", id,
                "checkpoint", checkpoint)).withIdempotencyKey("outcome-" + id + "-" + checkpoint),
                new Actor(event.actor()));
    }
}
