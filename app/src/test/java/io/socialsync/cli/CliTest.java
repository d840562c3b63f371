package io.socialsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.support.Cli;
import io.socialsync.support.TestDatabases;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CLI as a user runs it: exit codes, one-line errors, and what it prints. */
class CliTest {
    static final Path DATA = TestDatabases.tempDir("cli-test");
    static final TestDatabases.Db DB = TestDatabases.freshH2(DATA);

    @BeforeAll
    static void pointAtTestDatabase() {
        Cli.useDatabase(DB, DATA);
    }

    @AfterAll
    static void restore() {
        Cli.forgetDatabase();
    }

    static Cli.Run run(String... args) {
        return Cli.run(args);
    }

    @Test
    void helpListsEveryCommand() {
        var help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("serve", "worker", "doctor", "apikey", "ledger");
    }

    @Test
    void aBadArgumentIsOneLineAndExit2() {
        var bad = run("apikey", "create", "--bogus");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip().lines().findFirst().orElseThrow()).startsWith("socialsync: ");
        var badRole = run("apikey", "create", "--name", "x", "--role", "god");
        assertThat(badRole.exit()).isEqualTo(1);
        assertThat(badRole.err().strip()).isEqualTo("socialsync: role must be one of admin, editor, viewer (got 'god')");
    }

    @Test
    void apiKeysAreCreatedListedAndRevoked() {
        var created = run("apikey", "create", "--name", "n8n", "--role", "editor");
        assertThat(created.exit()).isZero();
        String key = created.out().strip();
        assertThat(key).startsWith("ss_");
        var list = run("apikey", "list");
        assertThat(list.out()).contains("n8n", "editor", "active").doesNotContain(key);
        String id = list.out().lines().filter(l -> l.contains("n8n")).findFirst().orElseThrow().split("\\s+")[0];
        assertThat(run("apikey", "revoke", id).exit()).isZero();
        assertThat(run("apikey", "list").out().lines().filter(l -> l.contains("n8n")).findFirst().orElseThrow())
                .contains("revoked");
        var unknown = run("apikey", "revoke", "99999");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("api key 99999 does not exist");
        assertThat(run("apikey", "list", "--workspace", "nope").err()).contains("no workspace named 'nope'");
    }

    @Test
    void ledgerVerifyFailsOnTamperingAndNamesTheBrokenLink() throws Exception {
        run("apikey", "create", "--name", "one");
        run("apikey", "create", "--name", "two");
        var intact = run("ledger", "verify");
        assertThat(intact.exit()).isZero();
        assertThat(intact.out()).contains("ledger intact");

        try (var c = DriverManager.getConnection(DB.url(), DB.user(), DB.password()); var s = c.createStatement()) {
            s.executeUpdate("UPDATE ledger_events SET actor = 'mallory' WHERE id = 2");
        }
        var broken = run("ledger", "verify");
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.out()).contains("BROKEN at event 2");
    }

    @Test
    void doctorReportsDatabaseAndStorage() {
        var doctor = run("doctor");
        assertThat(doctor.exit()).isZero();
        assertThat(doctor.out()).contains("database  H2").contains("storage   local files under " + DATA)
                .contains("ffmpeg    source:").contains("version:  ffmpeg version").contains("all good");
    }
}
