package io.socialsync.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialsync.apikey.Role;
import io.socialsync.workspace.Workspaces;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/** Users, memberships and refresh tokens against a real database; run once per database by its subclasses. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "socialsync.roles.workers=false", "socialsync.roles.scheduler=false"})
abstract class PeopleStoreContract {
    @Autowired Users users;
    @Autowired Memberships memberships;
    @Autowired RefreshTokens refreshTokens;
    @Autowired Invitations invitations;
    @Autowired PasswordResets resets;
    @Autowired Workspaces workspaces;
    @Autowired TransactionTemplate tx;
    final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    private String email() {
        return "Person-" + UUID.randomUUID() + "@Example.com";
    }

    @Test
    void anEmailIsUniqueWhateverItsCase() {
        String email = email();
        var user = users.insert(email, "Ann", "{noop}x", now);
        assertThat(users.byEmail(email.toLowerCase()).orElseThrow().id()).isEqualTo(user.id());
        assertThat(users.byEmail(email.toUpperCase()).orElseThrow().email()).isEqualTo(email);
        assertThatThrownBy(() -> users.insert(email.toUpperCase(), "Other", "{noop}y", now))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(users.withHash(email).orElseThrow().passwordHash()).isEqualTo("{noop}x");
    }

    @Test
    void aPersonBelongsToSeveralWorkspacesWithARoleInEach() {
        var user = users.insert(email(), "Bob", null, now);
        long a = workspaces.create("a-" + UUID.randomUUID()).id();
        long b = workspaces.create("b-" + UUID.randomUUID()).id();
        memberships.add(a, user.id(), Role.ADMIN, now);
        memberships.add(b, user.id(), Role.VIEWER, now);
        assertThat(memberships.ofUser(user.id())).extracting(Membership::workspaceId, Membership::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(a, Role.ADMIN),
                        org.assertj.core.groups.Tuple.tuple(b, Role.VIEWER));
        assertThat(memberships.activeRole(b, user.id())).contains(Role.VIEWER);
        assertThat(memberships.members(a)).extracting(Membership.Member::userId).containsExactly(user.id());
        assertThat(memberships.admins(a)).isEqualTo(1);
        assertThat(memberships.changeRole(b, user.id(), Role.EDITOR)).isTrue();
        assertThat(memberships.role(b, user.id())).contains(Role.EDITOR);

        users.disable(user.id(), now);
        assertThat(memberships.activeRole(a, user.id())).as("a disabled account acts nowhere").isEmpty();
        assertThat(memberships.remove(a, user.id())).isTrue();
        assertThat(memberships.role(a, user.id())).isEmpty();
    }

    @Test
    void refreshTokensAreFoundByHashAndRevokedByFamily() {
        var user = users.insert(email(), "Cy", null, now);
        long ws = workspaces.create("c-" + UUID.randomUUID()).id();
        String family = UUID.randomUUID().toString();
        tx.executeWithoutResult(s -> {
            refreshTokens.insert("h1-" + family, family, user.id(), ws, now, now.plusSeconds(60));
            refreshTokens.insert("h2-" + family, family, user.id(), null, now, now.plusSeconds(60));
            var first = refreshTokens.lockByHash("h1-" + family).orElseThrow();
            assertThat(first.workspaceId()).isEqualTo(ws);
            assertThat(first.usedAt()).isNull();
            refreshTokens.markUsed(first.id(), now);
            assertThat(refreshTokens.lockByHash("h1-" + family).orElseThrow().usedAt()).isEqualTo(now);
            assertThat(refreshTokens.lockByHash("h2-" + family).orElseThrow().workspaceId()).isNull();
            assertThat(refreshTokens.revokeFamily(family, now)).isEqualTo(2);
            assertThat(refreshTokens.lockByHash("h2-" + family).orElseThrow().revokedAt()).isNotNull();
        });
    }

    @Test
    void invitationsAndResetsAreFoundByTheirTokensHashOnlyAndSpentOnce() {
        var user = users.insert(email(), "Di", null, now);
        long ws = workspaces.create("d-" + UUID.randomUUID()).id();
        String token = OneTimeTokens.generate();
        tx.executeWithoutResult(s -> {
            var invitation = invitations.insert(ws, "Guest@Example.com", Role.EDITOR, OneTimeTokens.hash(token),
                    "user:1", now, now.plusSeconds(600));
            assertThat(invitations.lockByToken(token)).as("the plain token is not stored").isEmpty();
            var found = invitations.lockByToken(OneTimeTokens.hash(token)).orElseThrow();
            assertThat(found).isEqualTo(invitation);
            invitations.accepted(found.id(), user.id(), now);
            assertThat(invitations.lockByToken(OneTimeTokens.hash(token)).orElseThrow().acceptedAt()).isEqualTo(now);

            String first = OneTimeTokens.hash(OneTimeTokens.generate());
            String second = OneTimeTokens.hash(OneTimeTokens.generate());
            resets.insert(user.id(), first, now, now.plusSeconds(600));
            resets.insert(user.id(), second, now, now.plusSeconds(600));
            assertThat(resets.lockByToken(first).orElseThrow().userId()).isEqualTo(user.id());
            resets.usedAll(user.id(), now);
            assertThat(resets.lockByToken(second).orElseThrow().usedAt()).as("every open link is spent").isEqualTo(now);
        });
    }
}
