package io.socialsync.webhooks;

import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settles a delivery when its job settles, in the job's own transaction. Listening to the job's ledger events
 * covers every way a job ends: attempts spent, permanent error, timeout, expired lease, cancellation.
 */
@Component
public class WebhookJobOutcomes {
    private static final Set<EventType> TYPES = Set.of(EventType.JOB_FAILED, EventType.JOB_CANCELLED,
            EventType.JOB_RETRY_REQUESTED);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final WebhookDeliveries deliveries;
    private final Ledger ledger;
    private final Clock clock;

    public WebhookJobOutcomes(WebhookDeliveries deliveries, Ledger ledger, Clock clock) {
        this.deliveries = deliveries;
        this.ledger = ledger;
        this.clock = clock;
    }

    @EventListener
    public void on(LedgerEvent event) {
        if (event.jobId() == null || EventType.of(event.eventType()).filter(TYPES::contains).isEmpty()) {
            return;
        }
        JsonNode payload = JSON.readTree(event.payload());
        if (!DeliverWebhookHandler.KIND.equals(payload.path("kind").asString(""))) {
            return;
        }
        var delivery = deliveries.byJob(event.workspaceId(), event.jobId()).orElse(null);
        if (delivery == null) {
            return;
        }
        if (EventType.JOB_RETRY_REQUESTED.is(event.eventType())) {
            deliveries.reopen(delivery.workspaceId(), delivery.id());
        } else if (deliveries.markFailed(delivery.workspaceId(), delivery.id(), clock.instant())) {
            String error = EventType.JOB_CANCELLED.is(event.eventType()) ? "delivery job was cancelled"
                    : payload.path("error").asString("");
            failed(delivery, error);
        }
    }

    private void failed(WebhookDelivery d, String error) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("endpoint_id", d.endpointId());
        payload.put("delivery_id", d.id());
        payload.put("event_type", d.eventType());
        payload.put("attempts", d.attempts());
        payload.put("last_status", d.lastStatus());
        payload.put("error", error);
        ledger.append(new LedgerEvent.New(d.workspaceId(), Actor.SYSTEM, EventType.WEBHOOK_DELIVERY_FAILED,
                "webhook_delivery", String.valueOf(d.id()), d.jobId(), payload));
    }
}
