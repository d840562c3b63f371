package io.socialsync.webhooks;

import java.time.Instant;

/** One event for one endpoint; {@code payload} is the exact body every attempt sends. */
public record WebhookDelivery(long id, long workspaceId, long endpointId, Long ledgerEventId, String eventType,
                              String payload, State state, int attempts, Integer lastStatus, String lastError,
                              Long jobId, Instant createdAt, Instant deliveredAt, Instant failedAt) {

    public enum State {
        PENDING, DELIVERED, FAILED
    }
}
