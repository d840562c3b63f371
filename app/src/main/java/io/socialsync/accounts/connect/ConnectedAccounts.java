package io.socialsync.accounts.connect;

import io.socialsync.accounts.AccountChanges;
import io.socialsync.accounts.SocialAccount;
import io.socialsync.accounts.SocialAccountService;
import io.socialsync.domain.Conflict;
import io.socialsync.ledger.Actor;
import io.socialsync.platforms.ConnectCandidate;
import io.socialsync.platforms.OAuthConnector;
import io.socialsync.platforms.Platform;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** Stores what a consent reached as accounts, exactly as pasted ones: new, or an existing one repaired in place. */
@Component
class ConnectedAccounts {
    private final SocialAccountService accounts;

    ConnectedAccounts(SocialAccountService accounts) {
        this.accounts = accounts;
    }

    /** A new account, or, when the workspace already has this one (same external id), that account repaired. */
    SocialAccount connect(long ws, Platform platform, ZoneId zone, OAuthConnector connector, ConnectCandidate c,
                          Actor actor) {
        String key = connector.identityKey(platform);
        var existing = accounts.page(ws, platform, null, 500).stream()
                .filter(a -> Objects.equals(a.externalIds().get(key), c.externalId())).findFirst();
        if (existing.isPresent()) {
            return accounts.reconnect(ws, existing.get().id(), changes(c, existing.get().timezone()), actor);
        }
        return accounts.create(ws, platform, changes(c, zone), actor);
    }

    /**
     * Only the account the reconnect was started for, known by its external id (by its handle when it was pasted
     * without one): a sign-in as anyone else changes nothing.
     */
    SocialAccount reconnect(long ws, long accountId, OAuthConnector connector, List<ConnectCandidate> found,
                            Actor actor) {
        var account = accounts.get(ws, accountId);
        String key = connector.identityKey(account.platform());
        String expected = account.externalIds().get(key);
        var match = found.stream().filter(c -> expected != null ? expected.equals(c.externalId())
                : c.handle().equalsIgnoreCase(account.handle())).findFirst();
        if (match.isEmpty()) {
            var other = found.getFirst();
            throw new Conflict("this sign-in reached " + ConnectText.name(account.platform()) + " account @"
                    + other.handle() + " (" + key + " " + other.externalId() + "), but account " + account.id()
                    + " is @" + account.handle() + (expected == null ? "" : " (" + key + " " + expected + ")")
                    + ": nothing was changed. Sign in as @" + account.handle() + " to repair it, or connect @"
                    + other.handle() + " as a new account (without account_id)");
        }
        return accounts.reconnect(ws, account.id(), changes(match.get(), account.timezone()), actor);
    }

    private static AccountChanges changes(ConnectCandidate c, ZoneId zone) {
        return new AccountChanges(c.handle(), c.externalIds(), zone, c.accessToken(), c.refreshToken(),
                c.expiresAt(), null, c.refreshExpiresAt());
    }
}
