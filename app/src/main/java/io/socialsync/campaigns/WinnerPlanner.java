package io.socialsync.campaigns;

import io.socialsync.jobs.JobQueue;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.LedgerEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues a BOOST_WINNER job in the transaction that scores a post at 24 h (learning's {@code publication_scored}),
 * when the workspace's boost rule is on: learning knows nothing of campaigns, and a boost that fails never undoes a
 * score. One job per publication, whatever replays the scoring.
 */
@Component
class WinnerPlanner {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final BoostRules rules;
    private final JobQueue queue;

    WinnerPlanner(BoostRules rules, JobQueue queue) {
        this.rules = rules;
        this.queue = queue;
    }

    @EventListener
    public void on(LedgerEvent event) {
        if (!EventType.PUBLICATION_SCORED.is(event.eventType()) || !"publication".equals(event.entityType())
                || !"24h".equals(JSON.readTree(event.payload()).path("checkpoint").asString(""))
                || !rules.of(event.workspaceId()).enabled()) {
            return;
        }
        long id = Long.parseLong(event.entityId());
        queue.enqueue(BoostWinnerHandler.JOB.request(event.workspaceId(), new BoostWinnerHandler.Payload(id))
                .withIdempotencyKey("boost-winner-" + id), BoostWinners.ACTOR);
    }
}
