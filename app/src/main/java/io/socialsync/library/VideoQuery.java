package io.socialsync.library;

import java.time.Instant;

/** Filters of GET /videos; {@code before} is the keyset cursor (newest first). */
public record VideoQuery(long workspaceId, VideoState state, String source, String statusFb, Instant from,
                         Instant to, String text, Long before, int limit) {
}
