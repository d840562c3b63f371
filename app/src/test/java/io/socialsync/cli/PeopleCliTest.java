package io.socialsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.support.Cli;
import io.socialsync.support.ServerTest;
import io.socialsync.support.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator's people commands, on the database of a running server that then accepts the logins. */
class PeopleCliTest extends ServerTest {

    @BeforeEach
    void cliOnTheServersDatabase() {
        Cli.useDatabase(TestDatabases.freshH2(DATA), DATA);
    }

    @AfterEach
    void forget() {
        Cli.forgetDatabase();
    }

    private int login(String email, String password) {
        return admin.withKey(null).post("/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password
                + "\"}").status();
    }

    @Test
    void theFirstPersonOfANewWorkspaceLogsInWithTheGeneratedPasswordAndInvitesByLink() {
        String name = "cli-" + UUID.randomUUID();
        var created = Cli.run("workspace", "create", name);
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).contains(name);
        assertThat(Cli.run("workspace", "create", name).exit()).as("taken").isEqualTo(2);

        String email = "first-" + UUID.randomUUID() + "@example.com";
        var user = Cli.run("user", "create", "--email", email, "--admin", "--workspace", name);
        assertThat(user.exit()).as(user.err()).isZero();
        String password = user.out().strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);
        assertThat(login(email, password)).isEqualTo(200);

        String colleague = "colleague-" + UUID.randomUUID() + "@example.com";
        var invite = Cli.run("user", "invite", "--email", colleague, "--role", "viewer", "--workspace", name);
        assertThat(invite.exit()).as(invite.err()).isZero();
        // the CLI's own context: its links start with SOCIALSYNC_PUBLIC_URL (unset here: the default)
        assertThat(invite.out().strip()).matches("http://localhost:\\d+/app/invitations/accept\\?token=[\\w-]{43}");
        assertThat(invite.err()).contains("not mailed");
        String token = invite.out().strip().replaceAll(".*token=", "");
        assertThat(admin.withKey(null).post("/auth/invitations/accept", "{\"token\":\"" + token
                + "\",\"display_name\":\"Col\",\"password\":\"viewer password\"}").status()).isEqualTo(200);

        var reset = Cli.run("user", "reset-password", "--email", colleague);
        assertThat(reset.exit()).as(reset.err()).isZero();
        String resetToken = reset.out().strip().replaceAll(".*token=", "");
        assertThat(admin.withKey(null).post("/auth/password-reset/confirm", "{\"token\":\"" + resetToken
                + "\",\"password\":\"another viewer password\"}").status()).isEqualTo(204);
        assertThat(login(colleague, "another viewer password")).isEqualTo(200);

        var token2 = admin.withKey(null).post("/auth/login", "{\"email\":\"" + colleague
                + "\",\"password\":\"another viewer password\"}").json().get("access_token").asString();
        var disabled = Cli.run("user", "disable", "--email", colleague);
        assertThat(disabled.exit()).as(disabled.err()).isZero();
        assertThat(login(colleague, "another viewer password")).isEqualTo(401);
        assertThat(admin.withKey(token2).get("/jobs").status()).as("its access token is refused at once")
                .isEqualTo(401);
    }

    @Test
    void aPasswordCanComeFromStdin() {
        String email = "stdin-" + UUID.randomUUID() + "@example.com";
        InputStream old = System.in;
        System.setIn(new ByteArrayInputStream("from stdin, long enough\n".getBytes(StandardCharsets.UTF_8)));
        try {
            var user = Cli.run("user", "create", "--email", email, "--role", "viewer", "--password-stdin");
            assertThat(user.exit()).as(user.err()).isZero();
            assertThat(user.out()).doesNotContain("from stdin");
        } finally {
            System.setIn(old);
        }
        assertThat(login(email, "from stdin, long enough")).isEqualTo(200);
    }

    @Test
    void badArgumentsAreOneLineAndExitTwo() {
        for (String[] args : new String[][] {
                {"user", "create", "--email", "not-an-address", "--admin"},
                {"user", "create", "--email", "x-" + UUID.randomUUID() + "@example.com", "--role", "owner"},
                {"user", "invite", "--email", "y@example.com", "--workspace", "no-such-" + UUID.randomUUID()},
                {"user", "reset-password", "--email", "nobody-" + UUID.randomUUID() + "@example.com"},
                {"user", "disable", "--email", "nobody-" + UUID.randomUUID() + "@example.com"},
                {"user", "create"}}) {
            var run = Cli.run(args);
            assertThat(run.exit()).as(String.join(" ", args) + ": " + run.err()).isEqualTo(2);
            // (logback may add its own status lines to stderr in this shared test JVM: they are not ours)
            assertThat(run.err().lines().filter(l -> l.startsWith("socialsync: ")).count()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).doesNotContain("\tat ");
        }
    }
}
