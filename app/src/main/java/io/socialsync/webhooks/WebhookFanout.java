package io.socialsync.webhooks;

import io.socialsync.ledger.EventType;
import io.socialsync.ledger.LedgerEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns ledger events into deliveries, inside the appending transaction: an event and its deliveries commit
 * together or not at all. Runs on every event; a workspace without endpoints costs one indexed query per
 * transaction (the endpoints are read once per transaction, {@link WebhookEndpoints#active}).
 */
@Component
public class WebhookFanout {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final WebhookEndpoints endpoints;
    private final WebhookService service;

    public WebhookFanout(WebhookEndpoints endpoints, WebhookService service) {
        this.endpoints = endpoints;
        this.service = service;
    }

    @EventListener
    public void on(LedgerEvent event) {
        var targets = endpoints.active(event.workspaceId()).stream()
                .filter(e -> e.subscribes(event.eventType())).toList();
        if (targets.isEmpty()) {
            return;
        }
        JsonNode payload = JSON.readTree(event.payload());
        if (event.eventType().startsWith("job_")
                && DeliverWebhookHandler.KIND.equals(payload.path("kind").asString(""))) {
            return; // the delivery jobs' own events: sending them would make more of them, forever
        }
        var webhookEvent = WebhookEvent.of(event);
        for (var endpoint : targets) {
            if (!loops(event, payload, endpoint)) {
                service.schedule(endpoint, webhookEvent);
            }
        }
    }

    /** A failure is not reported to the endpoint that failed, nor is the failure of such a report. */
    private static boolean loops(LedgerEvent event, JsonNode payload, WebhookEndpoint endpoint) {
        return EventType.WEBHOOK_DELIVERY_FAILED.is(event.eventType())
                && (payload.path("endpoint_id").asLong(-1) == endpoint.id()
                || EventType.WEBHOOK_DELIVERY_FAILED.is(payload.path("event_type").asString("")));
    }
}
