package io.socialsync.apikey;

import io.socialsync.web.Role;
import java.time.Instant;

/** A stored key: only its hash is kept; {@code publicId} (random, not from the key) names it in lists. */
public record ApiKey(long id, long workspaceId, String name, String publicId, Role role, Instant createdAt,
                     Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }

    /** Returned once, at creation: the only time the plain key exists outside its owner's hands. */
    public record Created(ApiKey key, String plainKey) {
    }
}
