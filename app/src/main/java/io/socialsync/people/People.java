package io.socialsync.people;

import io.socialsync.domain.Conflict;
import io.socialsync.domain.Forbidden;
import io.socialsync.domain.Invalid;
import io.socialsync.domain.NotFound;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accounts: created by the CLI, by open registration (when the operator allows it) or by accepting an invitation;
 * password resets by one-time link. Links are mailed after their transaction commits, never inside it.
 */
@Service
public class People {
    private final Users users;
    private final Memberships memberships;
    private final Invitations invitations;
    private final PasswordResets resets;
    private final RefreshTokens refreshTokens;
    private final Passwords passwords;
    private final Sessions sessions;
    private final Workspaces workspaces;
    private final PeopleEvents events;
    private final Mailer mailer;
    private final TransactionTemplate tx;
    private final AuthProperties settings;
    private final Clock clock;

    public People(Users users, Memberships memberships, Invitations invitations, PasswordResets resets,
                  RefreshTokens refreshTokens, Passwords passwords, Sessions sessions, Workspaces workspaces,
                  PeopleEvents events, Mailer mailer, TransactionTemplate tx, AuthProperties settings, Clock clock) {
        this.users = users;
        this.memberships = memberships;
        this.invitations = invitations;
        this.resets = resets;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.sessions = sessions;
        this.workspaces = workspaces;
        this.events = events;
        this.mailer = mailer;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    /** The CLI's user create: an account, and a membership when a workspace is named. */
    public User create(String email, String displayName, String password, Long workspaceId, Role role, Actor actor) {
        return tx.execute(s -> {
            User user = insert(email, displayName, password, actor);
            if (workspaceId != null) {
                memberships.add(workspaceId, user.id(), role, clock.instant());
                events.user(workspaceId, actor, EventType.MEMBER_INVITED, user.id(),
                        Map.of("role", role.wire(), "by", "cli"));
            }
            return user;
        });
    }

    /** Open registration: an account without a workspace; its first POST /workspaces makes one. */
    public User register(String email, String displayName, String password) {
        if (!settings.openRegistration()) {
            throw new Forbidden("registration is by invitation on this server");
        }
        return tx.execute(s -> insert(email, displayName, password, Actor.SYSTEM));
    }

    public Optional<User> user(long id) {
        return users.byId(id);
    }

    public Invitation.Sent invite(Caller caller, long workspaceId, String email, Role role) {
        WorkspaceMembers.requireSame(caller, workspaceId).require(Role.ADMIN);
        return invite(workspaceId, email, role, Actor.of(caller));
    }

    /** The operator's invitation (CLI): any workspace, no caller to check. */
    public Invitation.Sent invite(long workspaceId, String email, Role role, Actor actor) {
        String valid = Emails.valid(email);
        String token = OneTimeTokens.generate();
        Invitation invitation = tx.execute(s -> {
            users.byEmail(valid).flatMap(u -> memberships.role(workspaceId, u.id())).ifPresent(r -> {
                throw new Conflict(valid + " is already a member of this workspace");
            });
            Instant now = clock.instant();
            var created = invitations.insert(workspaceId, valid, role, OneTimeTokens.hash(token),
                    actor.value(), now, now.plus(settings.invitationTtl()));
            events.workspace(workspaceId, actor, EventType.MEMBER_INVITED,
                    Map.of("invitation_id", created.id(), "role", role.wire()));
            return created;
        });
        String link = mailer.link("/app/invitations/accept", token);
        String name = workspaces.byId(workspaceId).orElseThrow().name();
        boolean mailed = mailer.send(valid, "You are invited to " + name + " on SocialSync",
                "You are invited to the workspace '" + name + "' as " + role.wire() + ".\n\nAccept: " + link
                        + "\n\nThe link works once and expires " + invitation.expiresAt() + ".\n");
        return new Invitation.Sent(invitation, link, mailed);
    }

    /** What an unused, unexpired invitation link offers, for the page that accepts it; nothing is changed. */
    public Optional<Invitation.Pending> pendingInvitation(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return invitations.byToken(OneTimeTokens.hash(token))
                .filter(i -> i.acceptedAt() == null && i.expiresAt().isAfter(now))
                .map(i -> new Invitation.Pending(workspaces.byId(i.workspaceId()).orElseThrow().name(), i.email(),
                        i.role(), i.expiresAt(), users.byEmail(i.email()).isPresent()));
    }

    /** Who joined which workspace by an invitation. */
    public record Joined(long userId, long workspaceId) {
    }

    /**
     * Accepts an invitation for the API: {@link #join}, and the person's API tokens in the same transaction.
     */
    public Sessions.Tokens accept(String token, Long userId, String displayName, String password) {
        requireToken(token);
        return tx.execute(s -> {
            var joined = joined(token, userId, displayName, password);
            return sessions.startSession(joined.userId(), joined.workspaceId());
        });
    }

    /**
     * Accepts an invitation. Signed in ({@code userId} set): that person joins, if the invitation is for their
     * address. Not signed in: a new account for the invited address, with the name and password given. No API
     * tokens: the browser's flow signs in with a session of its own, and a refresh token nobody holds is only
     * something to steal.
     */
    public Joined join(String token, Long userId, String displayName, String password) {
        requireToken(token);
        return tx.execute(s -> joined(token, userId, displayName, password));
    }

    private static void requireToken(String token) {
        if (token == null || token.isBlank()) {
            throw Invalid.field("token", "is required");
        }
    }

    private Joined joined(String token, Long userId, String displayName, String password) {
        Instant now = clock.instant();
        var invitation = invitations.lockByToken(OneTimeTokens.hash(token))
                .filter(i -> i.acceptedAt() == null && i.expiresAt().isAfter(now))
                .orElseThrow(() -> new NotFound("invitation", "link (unknown, used or expired)"));
        User user;
        if (userId != null) {
            user = users.byId(userId).orElseThrow();
            if (!Emails.key(user.email()).equals(Emails.key(invitation.email()))) {
                throw new Forbidden("this invitation is for another email address");
            }
        } else {
            if (users.byEmail(invitation.email()).isPresent()) {
                throw new Conflict("an account with this address exists: log in, then accept the invitation");
            }
            user = insert(invitation.email(), displayName, password, Actor.SYSTEM);
        }
        if (memberships.role(invitation.workspaceId(), user.id()).isPresent()) {
            throw new Conflict("already a member of this workspace");
        }
        memberships.add(invitation.workspaceId(), user.id(), invitation.role(), now);
        invitations.accepted(invitation.id(), user.id(), now);
        events.user(invitation.workspaceId(), Actor.user(user.id()), EventType.MEMBER_JOINED, user.id(),
                Map.of("invitation_id", invitation.id(), "role", invitation.role().wire()));
        return new Joined(user.id(), invitation.workspaceId());
    }

    /**
     * A reset link for the address, mailed when mail is set up, and returned for the CLI to print. An unknown
     * address gets nothing and the caller's answer does not change (no enumeration).
     */
    public Optional<String> requestReset(String email) {
        return reset(email, false);
    }

    /** The operator's reset (CLI): the link, mailed before returning when SMTP is configured. */
    public Optional<String> resetLink(String email) {
        return reset(email, true);
    }

    /**
     * The API does not wait for the SMTP server: the answer for a known address must not take longer than for an
     * unknown one.
     */
    private Optional<String> reset(String email, boolean waitForMail) {
        String key = Emails.key(email == null ? "" : email);
        var user = users.byEmail(key).filter(u -> !u.disabled());
        String token = OneTimeTokens.generate();
        String hash = OneTimeTokens.hash(token);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        tx.executeWithoutResult(s -> {
            Instant now = clock.instant();
            resets.insert(user.get().id(), hash, now, now.plus(settings.passwordResetTtl()));
        });
        String link = mailer.link("/app/password-reset/confirm", token);
        Runnable mail = () -> mailer.send(user.get().email(), "Reset your SocialSync password", "Set a new password: "
                + link + "\n\nThe link works once and expires in " + settings.passwordResetTtl().toMinutes()
                + " minutes. If you did not ask for it, ignore this mail.\n");
        if (waitForMail) {
            mail.run();
        } else {
            Thread.ofVirtual().name("reset-mail").start(mail);
        }
        return Optional.of(link);
    }

    /** Sets the password and ends every session of the account (its refresh tokens). */
    public void confirmReset(String token, String password) {
        tx.executeWithoutResult(s -> {
            Instant now = clock.instant();
            var reset = resets.lockByToken(OneTimeTokens.hash(token == null ? "" : token))
                    .filter(r -> r.usedAt() == null && r.expiresAt().isAfter(now))
                    .orElseThrow(() -> AuthRefused.unauthorized("the reset link is unknown, used or expired"));
            users.setPassword(reset.userId(), passwords.hash(password));
            resets.usedAll(reset.userId(), now);
            refreshTokens.revokeUser(reset.userId(), now);
            events.user(PeopleEvents.INSTANCE, Actor.user(reset.userId()), EventType.PASSWORD_RESET,
                    reset.userId(), Map.of());
        });
    }

    /**
     * The operator disables an account: its logins fail like a wrong password, its refresh tokens are revoked,
     * and its access tokens are refused at their next request (the membership check reads the account's state).
     */
    public User disable(String email) {
        return tx.execute(s -> {
            User user = users.byEmail(email == null ? "" : email).orElseThrow(() -> new NotFound("account", email));
            Instant now = clock.instant();
            users.disable(user.id(), now);
            refreshTokens.revokeUser(user.id(), now);
            events.user(PeopleEvents.INSTANCE, Actor.CLI, EventType.USER_DISABLED, user.id(), Map.of());
            return users.byId(user.id()).orElseThrow();
        });
    }

    private User insert(String email, String displayName, String password, Actor actor) {
        String valid = Emails.valid(email);
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw Invalid.field("display_name", "must be 1 to 200 characters");
        }
        String hash = passwords.hash(password);
        User user;
        try {
            user = users.insert(valid, name, hash, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new Conflict("an account with this email address exists");
        }
        events.user(PeopleEvents.INSTANCE, actor, EventType.USER_REGISTERED, user.id(), Map.of());
        return user;
    }
}
