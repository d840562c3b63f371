package io.socialsync.ledger;

import java.time.Instant;

/** Filters of GET /ledger; {@code before} is the keyset cursor (newest first). */
public record LedgerQuery(long workspaceId, String entityType, String entityId, String eventType,
                          Instant from, Instant to, Long before, int limit) {
}
