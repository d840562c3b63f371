package io.socialsync.webhooks.web;

import io.socialsync.webhooks.WebhookDelivery;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A delivery as the API shows it: the body sent as JSON, and how its attempts went. */
public record DeliveryView(long id, long endpointId, String eventType, String state, int attempts,
                           Integer lastStatus, String lastError, Long jobId, Long ledgerEventId, Instant createdAt,
                           Instant deliveredAt, Instant failedAt, JsonNode payload) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static DeliveryView of(WebhookDelivery d) {
        return new DeliveryView(d.id(), d.endpointId(), d.eventType(), d.state().name(), d.attempts(), d.lastStatus(),
                d.lastError(), d.jobId(), d.ledgerEventId(), d.createdAt(), d.deliveredAt(), d.failedAt(),
                JSON.readTree(d.payload()));
    }
}
