package io.socialsync.accounts.connect;

import io.socialsync.platforms.Platform;
import java.time.Instant;
import java.time.ZoneId;

/** A row of oauth_connections: the accounts a consent reached, sealed, until the person picks. */
record PendingConnection(long id, long workspaceId, Platform platform, ZoneId timezone, String candidatesEnc,
                         Instant createdAt, Instant expiresAt, Instant completedAt) {

    @Override
    public String toString() {
        return "PendingConnection[" + id + ", workspace=" + workspaceId + ", " + platform.wire() + "]";
    }
}
