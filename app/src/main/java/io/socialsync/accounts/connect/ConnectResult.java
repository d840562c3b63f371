package io.socialsync.accounts.connect;

import io.socialsync.accounts.SocialAccount;
import io.socialsync.platforms.Platform;
import java.time.Instant;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/** Where a connection stands after the callback or a pick. */
@NamedInterface("connect")
public sealed interface ConnectResult {

    /** Accounts created, or repaired by a reconnect (same id). */
    @NamedInterface("connect")
    record Connected(List<SocialAccount> accounts) implements ConnectResult {
    }

    /**
     * The consent reached accounts to pick from; {@code status} pending, completed or expired (then without
     * candidates).
     */
    @NamedInterface("connect")
    record Pending(long id, Platform platform, String status, Instant expiresAt, List<Choice> candidates)
            implements ConnectResult {
    }

    /** One account to pick, by its {@code externalId}. */
    @NamedInterface("connect")
    record Choice(String externalId, String handle, String name) {
    }
}
