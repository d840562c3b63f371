package io.socialsync.ledger;

import java.time.Instant;

/** Filters of GET /ledger and the web app's ledger page; {@code before} is the keyset cursor (newest first). */
public record LedgerQuery(long workspaceId, String entityType, String entityId, String eventType, String actor,
                          Instant from, Instant to, Long before, int limit) {

    /** Without an actor filter, as GET /ledger asks. */
    public LedgerQuery(long workspaceId, String entityType, String entityId, String eventType, Instant from,
                       Instant to, Long before, int limit) {
        this(workspaceId, entityType, entityId, eventType, null, from, to, before, limit);
    }
}
