package io.socialsync.apikey;

import java.time.Instant;

/** A stored key: only its hash and a short prefix (to recognise it in lists) are kept. */
public record ApiKey(long id, long workspaceId, String name, String prefix, Role role, Instant createdAt,
                     Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }

    /** Returned once, at creation: the only time the plain key exists outside its owner's hands. */
    public record Created(ApiKey key, String plainKey) {
    }
}
