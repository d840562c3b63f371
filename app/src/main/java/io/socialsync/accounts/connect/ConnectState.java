package io.socialsync.accounts.connect;

import io.socialsync.ledger.Actor;
import io.socialsync.platforms.Platform;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A row of oauth_states: one authorization flow between the redirect to the provider and its callback.
 *
 * @param accountId   the account a reconnect repairs; null for a new connection
 * @param browserHash SHA-256 of the cookie of the browser that started the flow; null for an API client
 */
record ConnectState(String stateHash, long workspaceId, Platform platform, Actor actor, Long accountId,
                    ZoneId timezone, String redirectUri, String codeVerifierEnc, String browserHash, Instant createdAt,
                    Instant expiresAt, Instant usedAt) {

    @Override
    public String toString() {
        return "ConnectState[workspace=" + workspaceId + ", " + platform.wire() + ", account=" + accountId + "]";
    }
}
