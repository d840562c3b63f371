package io.socialsync.people;

import io.socialsync.domain.Invalid;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Login, refresh and logout. A login answers the same sentence, after the same password-hash work, whether the
 * address is unknown, the password wrong or the account disabled. Refresh tokens rotate: each is good once, and
 * presenting one already used revokes its whole family (a stolen token and its legitimate twin both stop).
 */
@Service
public class Sessions {
    static final String WRONG = "the email or password is wrong";
    private final Users users;
    private final Memberships memberships;
    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final PeopleEvents events;
    private final TransactionTemplate tx;
    private final AuthProperties settings;
    private final Clock clock;

    public Sessions(Users users, Memberships memberships, RefreshTokens refreshTokens, AccessTokens accessTokens,
                    Passwords passwords, LoginThrottle throttle, PeopleEvents events, TransactionTemplate tx,
                    AuthProperties settings, Clock clock) {
        this.users = users;
        this.memberships = memberships;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.passwords = passwords;
        this.throttle = throttle;
        this.events = events;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    /** What a login or refresh hands out. */
    public record Tokens(String accessToken, Instant accessExpiresAt, String refreshToken, Instant refreshExpiresAt,
                        long userId, Long workspaceId) {
    }

    public Tokens login(String email, String password, Long workspaceId, String address) {
        User user = verify(email, password, address);
        Long workspace = chooseWorkspace(user.id(), workspaceId);
        return tx.execute(s -> {
            Instant now = clock.instant();
            users.loggedIn(user.id(), now);
            events.user(workspace == null ? PeopleEvents.INSTANCE : workspace, Actor.user(user.id()),
                    EventType.USER_LOGGED_IN, user.id(), Map.of());
            return issue(user.id(), workspace, UUID.randomUUID().toString(), now);
        });
    }

    /**
     * The password check of every login (API and browser form): throttled per account and address, the same
     * refusal and the same hashing work for an unknown address, a wrong password and a disabled account.
     */
    public User verify(String email, String password, String address) {
        String key = Emails.key(email == null ? "" : email);
        throttle.check(key, address);
        var found = users.withHash(key);
        boolean ok = passwords.matches(password, found.map(User.WithHash::passwordHash).orElse(null))
                && found.map(f -> !f.user().disabled()).orElse(false);
        if (!ok) {
            throttle.failed(key, address);
            Long userId = found.map(f -> f.user().id()).orElse(null);
            tx.executeWithoutResult(s -> {
                var payload = new HashMap<String, Object>();
                payload.put("user_id", userId);
                events.user(PeopleEvents.INSTANCE, Actor.SYSTEM, EventType.LOGIN_FAILED,
                        userId == null ? 0 : userId, payload);
            });
            throw AuthRefused.unauthorized(WRONG);
        }
        return found.get().user();
    }

    /** Same result as a login into {@code workspaceId}, for a person already authenticated (accepting an invitation). */
    Tokens startSession(long userId, Long workspaceId) {
        return issue(userId, workspaceId, UUID.randomUUID().toString(), clock.instant());
    }

    public Tokens refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw AuthRefused.unauthorized("a refresh token is required");
        }
        record Outcome(Tokens tokens, String refusal) {
        }
        Outcome outcome = tx.execute(s -> {
            Instant now = clock.instant();
            var stored = refreshTokens.lockByHash(OneTimeTokens.hash(refreshToken)).orElse(null);
            if (stored == null || stored.revokedAt() != null || !stored.expiresAt().isAfter(now)) {
                return new Outcome(null, "the refresh token is unknown, expired or revoked; log in again");
            }
            if (stored.usedAt() != null) {
                refreshTokens.revokeFamily(stored.family(), now);
                return new Outcome(null, "the refresh token was already used; every session of that login is "
                        + "revoked; log in again");
            }
            boolean active = users.byId(stored.userId()).map(u -> !u.disabled()).orElse(false)
                    && (stored.workspaceId() == null
                    || memberships.activeRole(stored.workspaceId(), stored.userId()).isPresent());
            if (!active) {
                refreshTokens.revokeFamily(stored.family(), now);
                return new Outcome(null, "the account is disabled or no longer a member of the workspace");
            }
            refreshTokens.markUsed(stored.id(), now);
            return new Outcome(issue(stored.userId(), stored.workspaceId(), stored.family(), now), null);
        });
        if (outcome.refusal() != null) {
            throw AuthRefused.unauthorized(outcome.refusal());
        }
        return outcome.tokens();
    }

    /** Revokes the token's family; unknown tokens are ignored, so logging out twice is fine. */
    public void logout(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return;
        }
        tx.executeWithoutResult(s -> refreshTokens.lockByHash(OneTimeTokens.hash(refreshToken))
                .ifPresent(t -> refreshTokens.revokeFamily(t.family(), clock.instant())));
    }

    /** Asked for: that membership. Not asked for: the only or first workspace, or none for a person without one. */
    private Long chooseWorkspace(long userId, Long asked) {
        List<Membership> mine = memberships.ofUser(userId);
        if (asked == null) {
            return mine.isEmpty() ? null : mine.getFirst().workspaceId();
        }
        if (mine.stream().noneMatch(m -> m.workspaceId() == asked)) {
            throw Invalid.field("workspace_id", "you are not a member of workspace " + asked);
        }
        return asked;
    }

    private Tokens issue(long userId, Long workspaceId, String family, Instant now) {
        String refresh = OneTimeTokens.generate();
        Instant refreshExpires = now.plus(settings.refreshTokenTtl());
        refreshTokens.insert(OneTimeTokens.hash(refresh), family, userId, workspaceId, now, refreshExpires);
        var access = accessTokens.issue(userId, workspaceId);
        return new Tokens(access.token(), access.expiresAt(), refresh, refreshExpires, userId, workspaceId);
    }
}
