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
        assertThat(help.out()).contains("serve", "worker", "doctor", "apikey", "ledger", "publish");
    }

    @Test
    void aBadArgumentIsOneLineAndExit2() {
        var bad = run("apikey", "create", "--bogus");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip().lines().findFirst().orElseThrow()).startsWith("socialsync: ");
        var badRole = run("apikey", "create", "--name", "x", "--role", "god");
        assertThat(badRole.exit()).isEqualTo(2);
        assertThat(badRole.err().strip())
                .isEqualTo("socialsync: Invalid value for option '--role': role must be one of admin, editor, viewer (got 'god')");
        assertThat(run("serve", "--port", "70000").err().strip()).isEqualTo("socialsync: --port must be 0 to 65535");
        assertThat(run("serve", "--port", "70000").exit()).isEqualTo(2);
        var noFolder = run("inventory", "export", "--parquet", DATA.resolve("no/such/dir/x.parquet").toString());
        assertThat(noFolder.exit()).isEqualTo(2);
        assertThat(noFolder.err()).startsWith("socialsync: --parquet: the folder ").contains("does not exist");
    }

    @Test
    void anUnknownCommandListsTheCommandsAndSuggestsTheNearest() {
        var typo = run("pubish", "--get-next");
        assertThat(typo.exit()).isEqualTo(2);
        var lines = typo.err().strip().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("socialsync: unknown command 'pubish'; did you mean 'publish'?");
        assertThat(lines.get(1)).startsWith("commands: serve, worker, doctor, apikey").contains("publish", "edit");
        assertThat(typo.out()).isEmpty();

        var sub = run("apikey", "creat");
        assertThat(sub.exit()).isEqualTo(2);
        assertThat(sub.err()).startsWith("socialsync: apikey: unknown command 'creat'; did you mean 'create'?")
                .contains("commands: create, list, revoke");

        var missing = run("ledger");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required subcommand", "commands: verify, checkpoint");
    }

    @Test
    void bareSocialsyncPrintsHelpAndExits2() {
        var bare = run();
        assertThat(bare.exit()).isEqualTo(2);
        assertThat(bare.err()).contains("Usage: socialsync", "Commands:", "publish");
        assertThat(bare.out()).isEmpty();
    }

    @Test
    void apiKeysAreCreatedListedAndRevoked() {
        var created = run("apikey", "create", "--name", "n8n", "--role", "editor");
        assertThat(created.exit()).isZero();
        String key = created.out().strip();
        assertThat(key).startsWith("ss_");
        var list = run("apikey", "list");
        assertThat(list.out()).contains("n8n", "editor", "active", "PUBLIC ID").doesNotContain(key.substring(0, 10));
        assertThat(list.out().lines().filter(l -> l.contains("n8n")).findFirst().orElseThrow()).contains(" key_");
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

        sql("CREATE TABLE original AS SELECT id, actor FROM ledger_events WHERE id = 2",
                "UPDATE ledger_events SET actor = 'mallory' WHERE id = 2");
        var broken = run("ledger", "verify");
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.out()).contains("BROKEN at event 2");
        // put it back: the class shares one database
        sql("UPDATE ledger_events SET actor = (SELECT actor FROM original) WHERE id = 2", "DROP TABLE original");
        assertThat(run("ledger", "verify").exit()).isZero();
    }

    private static void sql(String... statements) throws Exception {
        try (var c = DriverManager.getConnection(DB.url(), DB.user(), DB.password()); var s = c.createStatement()) {
            for (String statement : statements) {
                s.executeUpdate(statement);
            }
        }
    }

    @Test
    void ledgerVerifyFailsWhenRowsCoveredByACheckpointAreCutFromTheEnd() throws Exception {
        run("apikey", "create", "--name", "three");
        var checkpoint = run("ledger", "checkpoint");
        assertThat(checkpoint.exit()).isZero();
        assertThat(checkpoint.out()).startsWith("checkpoint: ");
        long events = Long.parseLong(checkpoint.out().split(" ")[1]);
        assertThat(run("ledger", "verify").out()).contains("the latest signed checkpoint (" + events + " events) matches");

        // the newest event cut from the end of its chain, that chain's head moved back one link
        long last;
        try (var c = DriverManager.getConnection(DB.url(), DB.user(), DB.password()); var s = c.createStatement();
             var rs = s.executeQuery("SELECT MAX(id) FROM ledger_events")) {
            rs.next();
            last = rs.getLong(1);
        }
        sql("CREATE TABLE cut AS SELECT * FROM ledger_events WHERE id = " + last,
                "DELETE FROM ledger_events WHERE id = " + last,
                "UPDATE ledger_head SET last_id = last_id - 1, last_hash = COALESCE((SELECT hash FROM ledger_events e "
                        + "WHERE e.chain = ledger_head.chain AND e.seq = ledger_head.last_id - 1), '" + "0".repeat(64)
                        + "') WHERE chain = (SELECT chain FROM cut)");
        var broken = run("ledger", "verify");
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.out()).contains("BROKEN at event " + last, "no longer in the chain");
        assertThat(run("ledger", "checkpoint").exit()).isEqualTo(1); // no checkpoint vouches for the cut chain

        sql("INSERT INTO ledger_events SELECT * FROM cut", "UPDATE ledger_head SET last_id = (SELECT seq FROM cut), "
                + "last_hash = (SELECT hash FROM cut) WHERE chain = (SELECT chain FROM cut)", "DROP TABLE cut");
        assertThat(run("ledger", "verify").exit()).isZero();
    }

    @Test
    void doctorReportsDatabaseAndStorage() {
        var doctor = run("doctor");
        assertThat(doctor.exit()).isZero();
        assertThat(doctor.out()).contains("database  H2").contains("storage   local files under " + DATA)
                .contains("ffmpeg    source:").contains("version:  ffmpeg version").contains("all good");
    }

    @Test
    void publishReportsWithJsonAndExitCodesAnOrchestratorCanBranchOn() throws Exception {
        var none = run("publish", "--get-next", "--platform", "tiktok");
        assertThat(none.exit()).isEqualTo(3);
        assertThat(none.out().strip()).isEqualTo("{\"status\":\"nothing_due\"}");
        assertThat(run("publish").exit()).isEqualTo(2);
        assertThat(run("publish", "--get-next", "--mark-posted", "1").exit()).isEqualTo(2);
        assertThat(run("publish", "--get-next", "--platform", "myspace").exit()).isEqualTo(2);
        assertThat(run("publish", "--get-next", "--publication", "1").exit()).isEqualTo(2);
        var missing = run("publish", "--mark-posted", "999999");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("video 999999 does not exist");

        long id = externalPublicationWithAFile();
        var claim = run("publish", "--get-next");
        assertThat(claim.exit()).isZero();
        assertThat(claim.out()).contains("\"publication_id\":\"" + id + "\"", "\"lease_token\":", "\"video_url\":",
                "\"video_id\":");
        String video = claim.out().replaceAll("(?s).*\"video_id\":\"(\\d+)\".*", "$1").strip();
        assertThat(run("publish", "--mark-posted", "999999", "--publication", String.valueOf(id)).err())
                .contains("publication " + id + " is not a post of video 999999");
        var posted = run("publish", "--mark-posted", video, "--publication", String.valueOf(id), "--external-id",
                "7301", "--url", "https://www.tiktok.com/@c/video/7301");
        assertThat(posted.exit()).as(posted.err()).isZero();
        assertThat(posted.out()).contains("\"status\":\"posted\"", "\"external_id\":\"7301\"",
                "\"status_fb\":\"posted\"");
        assertThat(run("publish", "--mark-posted", video, "--publication", String.valueOf(id), "--external-id", "7301")
                .out()).isEqualTo(posted.out()); // the same report again: the same answer
        var contradicting = run("publish", "--mark-failed", video, "--publication", String.valueOf(id), "--reason", "oops");
        assertThat(contradicting.exit()).isEqualTo(1);
        assertThat(contradicting.err()).contains("already posted");
        assertThat(run("publish", "--mark-failed", video).err()).contains("video " + video + " is already posted");
        assertThat(run("publish", "--get-next").exit()).isEqualTo(3);
    }

    @Test
    void theSeedsPublicadorHandsOutProcessedVideosAndReportsNameTheVideo() throws Exception {
        long video = processedVideoWithAVariant("pending");
        var early = run("publish", "--mark-posted", String.valueOf(video));
        assertThat(early.exit()).isEqualTo(1);
        assertThat(early.err()).isEqualTo("socialsync: video " + video + " is pending, not processed yet: run "
                + "`socialsync edit` first\n");
        sql("UPDATE videos SET status_fb = 'processed' WHERE id = " + video);

        var next = run("publish", "--get-next", "--lease", "60");
        assertThat(next.exit()).as(next.err()).isZero();
        assertThat(next.out()).contains("\"video_id\":\"" + video + "\"", "\"status_fb\":\"publishing\"",
                "\"format\":\"tiktok\"", "\"video_url\":\"http", "\"lease_expires_at\":");
        assertThat(run("publish", "--get-next").exit()).isEqualTo(3); // claimed: nobody else gets it

        var retry = run("publish", "--mark-failed", String.valueOf(video), "--reason", "upload timed out", "--retry");
        assertThat(retry.out().strip()).isEqualTo("{\"video_id\":\"" + video + "\",\"status_fb\":\"processed\"}");
        assertThat(run("publish", "--get-next").out()).contains("\"video_id\":\"" + video + "\"");
        var posted = run("publish", "--mark-posted", String.valueOf(video), "--external-id", "9");
        assertThat(posted.out().strip()).isEqualTo("{\"video_id\":\"" + video + "\",\"status_fb\":\"posted\"}");
        assertThat(run("publish", "--mark-posted", String.valueOf(video)).out()).isEqualTo(posted.out());
        var contradicting = run("publish", "--mark-failed", String.valueOf(video));
        assertThat(contradicting.exit()).isEqualTo(1);
        assertThat(contradicting.err()).isEqualTo("socialsync: video " + video
                + " is already posted: a failure report contradicts that\n");

        // a claim whose holder died is handed out again once its lease ran out
        long other = processedVideoWithAVariant("publishing");
        sql("UPDATE videos SET claimed_until = TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00' WHERE id = " + other);
        assertThat(run("publish", "--get-next").out()).contains("\"video_id\":\"" + other + "\"");
        assertThat(run("publish", "--mark-failed", String.valueOf(other)).out()).contains("\"status_fb\":\"failed\"");
    }

    private static long processedVideoWithAVariant(String statusFb) throws Exception {
        var file = DATA.resolve("files/variants/cli-seed-" + statusFb + ".mp4");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.write(file, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});
        String ws = "(SELECT id FROM workspaces WHERE name = 'default')";
        String at = "TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00'";
        sql("INSERT INTO videos (workspace_id, source, storage_key, size_bytes, sha256, state, status_fb, created_at, "
                        + "updated_at) VALUES (" + ws + ", 'UPLOAD', 'videos/seed.mp4', 8, 'seed-" + statusFb + "', 'READY', '"
                        + statusFb + "', " + at + ", " + at + ")",
                "INSERT INTO clips (workspace_id, video_id, rank, start_ms, end_ms, score, sub_scores, reason, created_at) "
                        + "VALUES (" + ws + ", (SELECT MAX(id) FROM videos), 1, 0, 15000, 80, '{}', 'seed', " + at + ")",
                "INSERT INTO variants (workspace_id, clip_id, format, preset, preset_params, seed, state, storage_key, "
                        + "size_bytes, created_at, updated_at) VALUES (" + ws + ", (SELECT MAX(id) FROM clips), 'tiktok', "
                        + "'plain', '{}', 1, 'READY', 'variants/cli-seed-" + statusFb + ".mp4', 8, " + at + ", " + at + ")");
        try (var c = DriverManager.getConnection(DB.url(), DB.user(), DB.password()); var s = c.createStatement();
             var rs = s.executeQuery("SELECT MAX(id) FROM videos")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A due publication for an account without tokens (so an orchestrator posts it), with its video on disk. */
    private static long externalPublicationWithAFile() throws Exception {
        var file = DATA.resolve("files/variants/cli-test.mp4");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.write(file, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});
        try (var c = DriverManager.getConnection(DB.url(), DB.user(), DB.password()); var s = c.createStatement()) {
            String ws = "(SELECT id FROM workspaces WHERE name = 'default')";
            String at = "TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00'";
            s.executeUpdate("INSERT INTO videos (workspace_id, source, storage_key, size_bytes, sha256, state, created_at, "
                    + "updated_at) VALUES (" + ws + ", 'UPLOAD', 'videos/cli.mp4', 8, 'cli', 'READY', " + at + ", " + at + ")");
            s.executeUpdate("INSERT INTO clips (workspace_id, video_id, rank, start_ms, end_ms, score, sub_scores, reason, "
                    + "created_at) VALUES (" + ws + ", (SELECT MAX(id) FROM videos), 1, 0, 15000, 80, '{}', 'cli', " + at + ")");
            s.executeUpdate("INSERT INTO variants (workspace_id, clip_id, format, preset, preset_params, seed, state, "
                    + "storage_key, size_bytes, created_at, updated_at) VALUES (" + ws + ", (SELECT MAX(id) FROM clips), "
                    + "'tiktok', 'plain', '{}', 1, 'READY', 'variants/cli-test.mp4', 8, " + at + ", " + at + ")");
            s.executeUpdate("INSERT INTO social_accounts (workspace_id, platform, handle, external_ids, timezone, status, "
                    + "created_at, updated_at) VALUES (" + ws + ", 'tiktok', 'cli', '{}', 'UTC', 'active', " + at + ", "
                    + at + ")");
            s.executeUpdate("INSERT INTO publications (workspace_id, clip_id, variant_id, social_account_id, platform, "
                    + "state, scheduled_for, rules_version, scheduled_by, publisher, created_at, updated_at) VALUES ("
                    + ws + ", (SELECT MAX(id) FROM clips), (SELECT MAX(id) FROM variants), "
                    + "(SELECT MAX(id) FROM social_accounts), 'tiktok', 'PENDING', " + at + ", 0, 'manual', 'external', "
                    + at + ", " + at + ")");
            try (var rs = s.executeQuery("SELECT MAX(id) FROM publications")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
