package io.socialsync.publish;

import io.socialsync.platforms.Platform;
import java.time.Instant;

/** A row of publications: one clip (and optionally one of its variants) going to one account at one instant. */
public record Publication(long id, long workspaceId, long clipId, Long variantId, long socialAccountId,
                          Platform platform, PublicationState state, Instant scheduledFor, Instant windowEnd,
                          Instant requestedFor, int rulesVersion, String caption, String scheduledBy,
                          String idempotencyKey, Long jobId, String lastError, Instant createdAt, Instant updatedAt) {
}
