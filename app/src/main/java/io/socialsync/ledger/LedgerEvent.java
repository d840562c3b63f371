package io.socialsync.ledger;

import java.time.Instant;

/** One link of the chain, as stored. */
public record LedgerEvent(long id, Instant occurredAt, long workspaceId, String actor, String eventType,
                          String entityType, String entityId, Long jobId, String payload,
                          String prevHash, String hash) {

    /** What a caller records; the ledger adds id, time and the hashes. */
    public record New(long workspaceId, Actor actor, EventType type, String entityType, String entityId,
                      Long jobId, Object payload) {
    }
}
