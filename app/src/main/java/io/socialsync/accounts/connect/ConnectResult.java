package io.socialsync.accounts.connect;

import io.socialsync.accounts.SocialAccount;
import io.socialsync.platforms.Platform;
import java.time.Instant;
import java.util.List;

/** Where a connection stands after the callback or a pick. */
public sealed interface ConnectResult {

    /** Accounts created, or repaired by a reconnect (same id). */
    record Connected(List<SocialAccount> accounts) implements ConnectResult {
    }

    /**
     * The consent reached accounts to pick from; {@code status} pending, completed or expired (then without
     * candidates).
     */
    record Pending(long id, Platform platform, String status, Instant expiresAt, List<Choice> candidates)
            implements ConnectResult {
    }

    /** One account to pick, by its {@code externalId}. */
    record Choice(String externalId, String handle, String name) {
    }
}
