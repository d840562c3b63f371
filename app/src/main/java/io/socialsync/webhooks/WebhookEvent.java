package io.socialsync.webhooks;

import io.socialsync.ledger.LedgerEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** What a delivery tells an endpoint; {@code data} is JSON text (the ledger event's payload). */
public record WebhookEvent(Long ledgerEventId, long workspaceId, String eventType, Instant occurredAt,
                           String entityType, String entityId, Long jobId, String data) {
    public static final String PING = "ping";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static WebhookEvent of(LedgerEvent e) {
        return new WebhookEvent(e.id(), e.workspaceId(), e.eventType(), e.occurredAt(), e.entityType(), e.entityId(),
                e.jobId(), e.payload());
    }

    static WebhookEvent ping(WebhookEndpoint endpoint, Instant at) {
        return new WebhookEvent(null, endpoint.workspaceId(), PING, at, "webhook_endpoint",
                String.valueOf(endpoint.id()), null, JSON.writeValueAsString(Map.of("endpoint_id", endpoint.id())));
    }

    /** The body, fixed when the delivery is created so every attempt signs the same bytes. */
    String body(long deliveryId) {
        var body = new LinkedHashMap<String, Object>();
        body.put("id", deliveryId);
        body.put("event_type", eventType);
        body.put("occurred_at", occurredAt.toString());
        body.put("workspace_id", workspaceId);
        body.put("entity_type", entityType);
        body.put("entity_id", entityId);
        body.put("job_id", jobId);
        body.put("data", JSON.readTree(data));
        return JSON.writeValueAsString(body);
    }
}
