package io.socialsync.accounts.tokens;

import io.socialsync.accounts.SocialAccount;
import io.socialsync.accounts.SocialAccountService;
import io.socialsync.accounts.SocialAccounts;
import io.socialsync.ledger.Actor;
import io.socialsync.platforms.TokenGrant;
import io.socialsync.platforms.TokenSettings;
import io.socialsync.secrets.SecretBox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Renews one account's token. The account row is locked ({@code FOR UPDATE}) from before the call to the
 * platform until the new tokens are committed, and whether a refresh is due is decided again under that lock:
 * a second refresher (another node's sweep, a publish) waits, then finds the token fresh and makes no call. That
 * matters most for TikTok, whose refresh tokens rotate: two refreshes with the same token would kill it.
 * <p>
 * Always its own transaction (a publish's transaction is suspended meanwhile), so new tokens are committed even
 * if the caller's work later rolls back. A token the platform refuses makes the account {@code needs_reauth};
 * a temporary failure leaves it active with the reason and a retry time growing per failure.
 */
@NamedInterface("token-refresher")
@Service
public class TokenRefresher {
    private static final Logger log = LoggerFactory.getLogger(TokenRefresher.class);
    private static final int MAX_REASON = 1000;
    private final SocialAccounts rows;
    private final SocialAccountService service;
    private final SecretBox secrets;
    private final TokenPolicy policy;
    private final TokenSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;

    public TokenRefresher(SocialAccounts rows, SocialAccountService service, SecretBox secrets, TokenPolicy policy,
                          TokenSettings settings, PlatformTransactionManager transactions, Clock clock) {
        this.rows = rows;
        this.service = service;
        this.secrets = secrets;
        this.policy = policy;
        this.settings = settings;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Who asked: the sweep ahead of expiry, a publish about to use the token, or a person. */
    public enum Trigger {
        SWEEP, PUBLISH, MANUAL;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public sealed interface Outcome {
        default String wire() {
            return switch (this) {
                case Refreshed r -> "refreshed";
                case NotDue n -> "not_due";
                case NotPossible n -> "not_possible";
                case Dead d -> "needs_reauth";
                case Failed f -> "retry_later";
                case Gone g -> "gone";
            };
        }
    }

    public record Refreshed(SocialAccount account) implements Outcome {
    }

    /** Fresh enough: nothing was called (often because someone else refreshed it a moment ago). */
    public record NotDue(SocialAccount account) implements Outcome {
    }

    public record NotPossible(String reason, SocialAccount account) implements Outcome {
    }

    /** The account is needs_reauth now, for {@code reason}. */
    public record Dead(String reason) implements Outcome {
    }

    /** Temporary (or our configuration): the account stays active, the sweep tries again at {@code retryAt}. */
    public record Failed(String reason, Instant retryAt, SocialAccount account) implements Outcome {
    }

    /** Deleted, or not in this workspace. */
    public record Gone() implements Outcome {
    }

    /** A publish cannot use the token now; the refresher tries again at {@code until}. */
    public record Wait(String reason, Instant until) {
    }

    public Outcome refresh(long workspaceId, long accountId, Trigger trigger, Actor actor) {
        return tx.execute(status -> refreshLocked(workspaceId, accountId, trigger, actor));
    }

    /**
     * Just before a publish opens the token: renews it when it expires within {@code publish-margin}. Empty means
     * go on (also when the account turned needs_reauth: the publish's own account check reports that); a
     * {@link Wait} means the token has expired and could not be renewed for now.
     */
    public Optional<Wait> beforePublish(long workspaceId, long accountId, Actor actor) {
        var account = rows.byId(workspaceId, accountId).orElse(null);
        if (account == null || !due(account, Trigger.PUBLISH, clock.instant())
                || policy.cannotRefresh(account) != null) {
            return Optional.empty(); // the common case: no lock, no call
        }
        var outcome = refresh(workspaceId, accountId, Trigger.PUBLISH, actor);
        if (outcome instanceof Failed f && f.account().tokenExpiresAt() != null
                && !f.account().tokenExpiresAt().isAfter(clock.instant())) {
            return Optional.of(new Wait("the access token of @" + f.account().handle() + " expired and renewing "
                    + "it failed for now: " + f.reason(), f.retryAt()));
        }
        return Optional.empty();
    }

    private Outcome refreshLocked(long ws, long id, Trigger trigger, Actor actor) {
        var account = rows.lockById(ws, id).orElse(null);
        if (account == null) {
            return new Gone();
        }
        Instant now = clock.instant();
        String impossible = policy.cannotRefresh(account);
        if (impossible != null) {
            return new NotPossible(impossible, account);
        }
        if (!due(account, trigger, now)) {
            return new NotDue(account);
        }
        TokenGrant grant;
        try {
            String refresh = account.hasRefreshToken() ? secrets.open(account.refreshTokenEnc()) : null;
            grant = policy.endpoint(account.platform()).renew(account.platform(), account.handle(),
                    secrets.open(account.accessTokenEnc()), refresh);
        } catch (SecretBox.Unreadable unreadable) {
            grant = new TokenGrant.Misconfigured("the stored tokens of @" + account.handle() + " cannot be "
                    + "decrypted (" + unreadable.getMessage() + "): every node needs the SOCIALSYNC_SECRET_KEY "
                    + "they were sealed with");
        }
        return switch (grant) {
            case TokenGrant.Renewed renewed -> {
                var updated = service.tokensRenewed(account, renewed.renewal(), trigger.wire(), actor);
                log.info("Renewed the {} token of account {} ({}), valid until {}", account.platform().wire(),
                        account.id(), trigger.wire(), updated.tokenExpiresAt());
                yield new Refreshed(updated);
            }
            case TokenGrant.Refused refused -> {
                String reason = clip(refused.reason());
                service.needsReauth(ws, id, reason, actor);
                log.warn("Account {} needs re-authorisation: {}", account.id(), reason);
                yield new Dead(reason);
            }
            case TokenGrant.Unavailable later -> failed(account, later.reason(), backoff(account, later), now);
            case TokenGrant.Misconfigured ours -> failed(account, ours.reason(), settings.retryMax(), now);
        };
    }

    private Failed failed(SocialAccount account, String why, Duration wait, Instant now) {
        Instant retryAt = now.plus(wait);
        var updated = service.refreshFailed(account, clip(why), retryAt);
        log.warn("Renewing the token of account {} failed (try {}), next try at {}: {}", account.id(),
                updated.refresh().failures(), retryAt, why);
        return new Failed(clip(why), retryAt, updated);
    }

    /** retryBase × 2^failures, at most retryMax; longer if the platform asked for it. */
    private Duration backoff(SocialAccount account, TokenGrant.Unavailable later) {
        int failures = Math.min(account.refresh().failures(), 20);
        Duration wait = settings.retryBase().multipliedBy(1L << failures);
        if (wait.compareTo(settings.retryMax()) > 0) {
            wait = settings.retryMax();
        }
        return later.retryAfter() != null && later.retryAfter().compareTo(wait) > 0 ? later.retryAfter() : wait;
    }

    /**
     * The sweep renews within the platform's lead and respects the retry time; a publish renews only a token
     * that would expire during its upload; a person's request always renews.
     */
    boolean due(SocialAccount a, Trigger trigger, Instant now) {
        if (trigger == Trigger.MANUAL) {
            return true;
        }
        if (a.tokenExpiresAt() == null) {
            return false;
        }
        if (trigger == Trigger.PUBLISH) {
            return !a.tokenExpiresAt().isAfter(now.plus(settings.publishMargin()));
        }
        var retryAt = a.refresh().retryAt();
        return !a.tokenExpiresAt().isAfter(now.plus(policy.lead(a.platform())))
                && (retryAt == null || !retryAt.isAfter(now));
    }

    private static String clip(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
    }
}
