package io.socialsync.accounts;

import io.socialsync.domain.NotFound;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import io.socialsync.platforms.Platform;
import io.socialsync.platforms.TokenRenewal;
import io.socialsync.secrets.SecretBox;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts of a workspace. Tokens are sealed before they reach SQL and never leave through the API or the ledger.
 * <p>
 * The refresher (accounts.tokens) stores what a platform's token endpoint returns through {@link #tokensRenewed},
 * under the same rule as {@link #update}: a response without a refresh token keeps the stored one. A token a
 * platform refuses turns the account {@code needs_reauth} ({@link #needsReauth}).
 */
@Service
public class SocialAccountService {
    private final SocialAccounts rows;
    private final SecretBox secrets;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public SocialAccountService(SocialAccounts rows, SecretBox secrets, Ledger ledger,
                                ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.secrets = secrets;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public SocialAccount create(long workspaceId, Platform platform, AccountChanges c, Actor actor) {
        Instant now = now();
        var draft = new SocialAccount(0, workspaceId, platform, c.handle(), c.externalIds(), c.timezone(),
                seal(c.accessToken(), null), seal(c.refreshToken(), null), c.tokenExpiresAt(),
                c.refreshTokenExpiresAt(), RefreshState.NONE, AccountStatus.ACTIVE, null, now, now);
        var account = rows.byId(workspaceId, rows.insert(draft)).orElseThrow();
        record(account, actor, EventType.SOCIAL_ACCOUNT_CREATED, describe(account));
        return account;
    }

    @Transactional
    public SocialAccount update(long workspaceId, long id, AccountChanges c, Actor actor) {
        var old = get(workspaceId, id, true);
        List<String> changed = new ArrayList<>();
        String handle = pick(c.handle(), old.handle(), "handle", changed);
        var ids = pick(c.externalIds(), old.externalIds(), "external_ids", changed);
        var zone = pick(c.timezone(), old.timezone(), "timezone", changed);
        var expires = pick(c.tokenExpiresAt(), old.tokenExpiresAt(), "token_expires_at", changed);
        String access = seal(c.accessToken(), old.accessTokenEnc());
        String refresh = seal(c.refreshToken(), old.refreshTokenEnc());
        if (!Objects.equals(access, old.accessTokenEnc())) {
            changed.add("access_token");
        }
        // a new refresh token without its expiry: the old expiry was the old token's
        Instant oldRefreshExpiry = Objects.equals(refresh, old.refreshTokenEnc()) ? old.refreshTokenExpiresAt() : null;
        if (!Objects.equals(refresh, old.refreshTokenEnc())) {
            changed.add("refresh_token");
        }
        var refreshExpires = c.refreshTokenExpiresAt() != null ? c.refreshTokenExpiresAt() : oldRefreshExpiry;
        if (!Objects.equals(refreshExpires, old.refreshTokenExpiresAt())) {
            changed.add("refresh_token_expires_at");
        }
        // new tokens from the user: earlier refresh failures were about the old ones
        var refreshState = changed.contains("access_token") || changed.contains("refresh_token")
                ? old.refresh().cleared() : old.refresh();
        AccountStatus status = old.status();
        String reason = old.statusReason();
        if (c.status() != null) {
            status = c.status();
            reason = null;
        } else if (old.status() == AccountStatus.NEEDS_REAUTH
                && (changed.contains("access_token") || changed.contains("refresh_token"))) {
            status = AccountStatus.ACTIVE; // a fresh token is the re-authorisation (a refresh token gets the rest)
            reason = null;
        }
        if (status != old.status()) {
            changed.add("status");
        }
        var updated = new SocialAccount(old.id(), workspaceId, old.platform(), handle, ids, zone, access, refresh,
                expires, refreshExpires, refreshState, status, reason, old.createdAt(), now());
        rows.update(updated);
        var payload = describe(updated);
        payload.put("changed", changed);
        record(updated, actor, EventType.SOCIAL_ACCOUNT_UPDATED, payload);
        return get(workspaceId, id, false);
    }

    /**
     * New tokens from a connect flow for an existing account (a reconnect): unlike {@link #update}, the expiries are
     * taken as given, null included (a Meta Page token does not expire, whatever the old one did), and the account
     * is active again. Its id, and so its publications, schedule and metrics, stay.
     */
    @Transactional
    public SocialAccount reconnect(long workspaceId, long id, AccountChanges c, Actor actor) {
        var old = get(workspaceId, id, true);
        var ids = new LinkedHashMap<>(old.externalIds());
        ids.putAll(c.externalIds());
        var updated = new SocialAccount(old.id(), workspaceId, old.platform(), c.handle(), ids, old.timezone(),
                seal(c.accessToken(), null), seal(c.refreshToken(), old.refreshTokenEnc()),
                micros(c.tokenExpiresAt()), micros(c.refreshTokenExpiresAt()), RefreshState.succeeded(now()),
                AccountStatus.ACTIVE, null, old.createdAt(), now());
        rows.update(updated);
        var payload = describe(updated);
        payload.put("previous_status", old.status().wire());
        record(updated, actor, EventType.SOCIAL_ACCOUNT_RECONNECTED, payload);
        return get(workspaceId, id, false);
    }

    @Transactional
    public void delete(long workspaceId, long id, Actor actor) {
        var account = get(workspaceId, id, true);
        rows.markDeleted(workspaceId, id, now());
        events.publishEvent(new SocialAccountDeleted(workspaceId, id, actor));
        record(account, actor, EventType.SOCIAL_ACCOUNT_DELETED, Map.of("platform", account.platform().wire(),
                "handle", account.handle()));
    }

    public SocialAccount get(long workspaceId, long id) {
        return get(workspaceId, id, false);
    }

    /**
     * A platform refused the account's token (expired, revoked): publishing on it stops, with the reason shown,
     * until a new token arrives by PATCH. Joins the caller's transaction; a deleted account is left alone.
     */
    @Transactional
    public void needsReauth(long workspaceId, long id, String reason, Actor actor) {
        var old = rows.lockById(workspaceId, id).orElse(null);
        if (old == null || (old.status() == AccountStatus.NEEDS_REAUTH && Objects.equals(reason, old.statusReason()))) {
            return;
        }
        var updated = new SocialAccount(old.id(), workspaceId, old.platform(), old.handle(), old.externalIds(),
                old.timezone(), old.accessTokenEnc(), old.refreshTokenEnc(), old.tokenExpiresAt(),
                old.refreshTokenExpiresAt(), old.refresh(), AccountStatus.NEEDS_REAUTH, reason, old.createdAt(), now());
        rows.update(updated);
        var payload = describe(updated);
        payload.put("reason", reason);
        record(updated, actor, EventType.SOCIAL_ACCOUNT_NEEDS_REAUTH, payload);
    }

    /**
     * Stores what a token endpoint returned, sealed, on an account the caller has locked ({@link
     * SocialAccounts#lockById}) in its open transaction, with an {@code account_token_refreshed} event that says
     * what changed but holds no token. A renewal without a refresh token keeps the stored one (and its expiry).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public SocialAccount tokensRenewed(SocialAccount locked, TokenRenewal renewal, String trigger, Actor actor) {
        Instant now = now();
        String access = secrets.seal(renewal.accessToken().trim());
        String refresh = seal(renewal.refreshToken(), locked.refreshTokenEnc());
        boolean rotated = !Objects.equals(refresh, locked.refreshTokenEnc());
        Instant refreshExpires = renewal.refreshExpiresAt() != null ? renewal.refreshExpiresAt()
                : rotated ? null : locked.refreshTokenExpiresAt();
        var updated = locked.withTokens(access, refresh, micros(renewal.expiresAt()), micros(refreshExpires),
                RefreshState.succeeded(now), now);
        rows.update(updated);
        var payload = new LinkedHashMap<String, Object>();
        payload.put("platform", locked.platform().wire());
        payload.put("handle", locked.handle());
        payload.put("trigger", trigger);
        payload.put("previous_token_expires_at", text(locked.tokenExpiresAt()));
        payload.put("token_expires_at", text(updated.tokenExpiresAt()));
        payload.put("refresh_token_rotated", rotated);
        payload.put("refresh_token_expires_at", text(updated.refreshTokenExpiresAt()));
        record(updated, actor, EventType.ACCOUNT_TOKEN_REFRESHED, payload);
        return updated;
    }

    /**
     * A refresh that may work later (the platform's 5xx, no answer, throttling, our client refused): the account
     * stays as it is, with the reason and when the sweep tries again. No ledger event: nothing changed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public SocialAccount refreshFailed(SocialAccount locked, String why, Instant retryAt) {
        var updated = locked.withRefresh(locked.refresh().failed(why, micros(retryAt)), now());
        rows.update(updated);
        return updated;
    }

    public List<SocialAccount> page(long workspaceId, Platform platform, Long before, int limit) {
        return rows.page(workspaceId, platform, before, limit);
    }

    private SocialAccount get(long workspaceId, long id, boolean lock) {
        var found = lock ? rows.lockById(workspaceId, id) : rows.byId(workspaceId, id);
        return found.orElseThrow(() -> new NotFound("social account", id));
    }

    /** A blank token keeps what is stored: an empty value never replaces a real one. */
    private String seal(String token, String stored) {
        return AccountFields.present(token) ? secrets.seal(token.trim()) : stored;
    }

    private static <T> T pick(T requested, T old, String field, List<String> changed) {
        if (requested == null || requested.equals(old)) {
            return old;
        }
        changed.add(field);
        return requested;
    }

    /** What the ledger keeps about an account: no token, only whether there is one. */
    private static Map<String, Object> describe(SocialAccount a) {
        var map = new LinkedHashMap<String, Object>();
        map.put("platform", a.platform().wire());
        map.put("handle", a.handle());
        map.put("external_ids", a.externalIds());
        map.put("timezone", a.timezone().getId());
        map.put("status", a.status().wire());
        map.put("has_access_token", a.hasAccessToken());
        map.put("has_refresh_token", a.hasRefreshToken());
        map.put("token_expires_at", text(a.tokenExpiresAt()));
        return map;
    }

    private void record(SocialAccount a, Actor actor, EventType type, Map<String, Object> payload) {
        ledger.append(new LedgerEvent.New(a.workspaceId(), actor, type, "social_account", String.valueOf(a.id()),
                null, payload));
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
