package io.socialsync.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.socialsync.support.Eventually;
import io.socialsync.support.ServerTest;
import io.socialsync.support.TestDatabases;
import io.socialsync.support.TestVideos;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Social-Media-Sync flow as its callers run it: every command a process of its own (`ingest URL`, `edit`,
 * `publish --get-next`, `--mark-posted/--mark-failed VIDEO_ID`) beside a running `serve` on one PostgreSQL, whose
 * workers analyse the ingested videos. Two `edit` processes started together never render the same video. (Each
 * command starts a JVM and a Spring context: the reports' edge cases are in {@link CliTest}, in this JVM.)
 */
class SeedFlowProcessTest {
    static final Path DIR = TestDatabases.tempDir("seed-flow");
    static final TestDatabases.Db DB = TestDatabases.freshPostgres();
    static final int PORT = ServerTest.freePort();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final AtomicInteger RUNS = new AtomicInteger();
    static final List<Process> PROCESSES = new ArrayList<>();
    static WireMockServer source;
    static Process serve;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void startServeAndASource() throws IOException {
        source = new WireMockServer(options().bindAddress("127.0.0.2").dynamicPort());
        source.start();
        serve = start(List.of("serve", "--port", Integer.toString(PORT)), DIR.resolve("serve.log"), DIR.resolve("serve.log"));
        Eventually.await("serve to answer on port " + PORT, Duration.ofMinutes(2), () -> {
            if (!serve.isAlive()) throw new AssertionError("serve exited; see " + DIR.resolve("serve.log"));
            return status(URI.create("http://localhost:" + PORT + "/actuator/health/liveness")) == 200;
        });
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        for (Process p : PROCESSES) {
            p.destroy();
        }
        for (Process p : PROCESSES) {
            if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
        }
        if (source != null) source.stop();
    }

    @Test
    void ingestEditPublishAndReportAsSeparateProcesses() throws Exception {
        long first = ingest("/v/first.mp4", TestVideos.music("seed-flow-first", 34));
        long second = ingest("/v/second.mp4", TestVideos.music("seed-flow-second", 17));
        Eventually.await("both videos analysed by serve's workers", Duration.ofMinutes(4),
                () -> "READY".equals(column(first, "state")) && "READY".equals(column(second, "state")));

        assertBadArgument(cli("edit", "--clips", "0"), "socialsync: --clips must be 1 to 20");
        assertBadArgument(cli("publish", "--mark-posted", "abc"), "socialsync: Invalid value for option '--mark-posted'");
        // two edits at once: each claims a different video and renders its two best clips
        var a = startCli("edit", "--clips", "2");
        var b = startCli("edit", "--clips", "2");
        Run editA = finish(a);
        Run editB = finish(b);
        assertThat(editA.exit()).as(editA.err()).isZero();
        assertThat(editB.exit()).as(editB.err()).isZero();
        assertThat(Set.of(processed(editA), processed(editB))).containsExactlyInAnyOrder(first, second);
        assertThat(count("SELECT COUNT(*) FROM clips WHERE video_id = " + first + " AND superseded = FALSE"))
                .as("the long video has two clips to render").isGreaterThanOrEqualTo(2);
        assertThat(editA.err() + editB.err()).contains("rendering [");
        for (long video : List.of(first, second)) {
            assertThat(column(video, "status_fb")).isEqualTo("processed");
            int clips = Math.min(2, count("SELECT COUNT(*) FROM clips WHERE video_id = " + video + " AND superseded = FALSE"));
            assertThat(clips).isPositive();
            // each rendered clip once, for the three default platforms: no second edit rendered it again
            assertThat(count("SELECT COUNT(*) FROM variants v JOIN clips c ON c.id = v.clip_id WHERE c.video_id = "
                    + video + " AND v.state = 'READY'")).isEqualTo(clips * 3);
            assertThat(count("SELECT COUNT(DISTINCT v.clip_id) FROM variants v JOIN clips c ON c.id = v.clip_id "
                    + "WHERE c.video_id = " + video)).isEqualTo(clips);
            assertThat(count("SELECT COUNT(*) FROM ledger_events WHERE event_type = 'video_processed' AND entity_id = '"
                    + video + "'")).isEqualTo(1);
        }
        assertThat(cli("edit").exit()).isEqualTo(3);

        // the publicador: oldest processed video first, with links to its variants; each handed out once
        JsonNode next = JSON.readTree(ok(cli("publish", "--get-next")).out());
        assertThat(next.get("video_id").asString()).isEqualTo(Long.toString(first));
        assertThat(next.get("status_fb").asString()).isEqualTo("publishing");
        assertThat(next.get("variants").size()).isEqualTo(3 * Math.min(2,
                count("SELECT COUNT(*) FROM clips WHERE video_id = " + first + " AND superseded = FALSE")));
        var link = next.get("variants").get(0);
        assertThat(link.get("format").asString()).isIn("instagram_reel", "tiktok", "facebook");
        assertThat(status(URI.create(link.get("video_url").asString()))).isEqualTo(200);
        JsonNode then = JSON.readTree(ok(cli("publish", "--get-next")).out());
        assertThat(then.get("video_id").asString()).isEqualTo(Long.toString(second));
        var none = cli("publish", "--get-next");
        assertThat(none.exit()).isEqualTo(3);
        assertThat(none.out().strip()).isEqualTo("{\"status\":\"nothing_due\"}");

        var posted = JSON.readTree(ok(cli("publish", "--mark-posted", Long.toString(first), "--external-id", "9")).out());
        assertThat(posted.get("status_fb").asString()).isEqualTo("posted");
        var failed = JSON.readTree(ok(cli("publish", "--mark-failed", Long.toString(second), "--reason", "upload "
                + "timed out")).out());
        assertThat(failed.get("status_fb").asString()).isEqualTo("failed");
        assertThat(column(first, "status_fb")).isEqualTo("posted");
        assertThat(column(second, "status_fb")).isEqualTo("failed");
    }

    private static void assertBadArgument(Run run, String firstLine) {
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines().findFirst().orElse("")).startsWith(firstLine);
        assertThat(run.out()).isEmpty();
    }

    private long ingest(String path, Path file) throws Exception {
        source.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", "video/mp4")
                .withBody(Files.readAllBytes(file))));
        var run = ok(cli("ingest", "http://127.0.0.2:" + source.port() + path));
        assertThat(run.err()).contains("ingest [");
        return JSON.readTree(run.out()).get("id").asLong();
    }

    private static long processed(Run edit) {
        return Long.parseLong(edit.out().replaceAll("(?s)^processed video (\\d+) .*", "$1").strip());
    }

    private static Run ok(Run run) {
        assertThat(run.exit()).as(run.err()).isZero();
        return run;
    }

    private static Run cli(String... args) throws Exception {
        return finish(startCli(args));
    }

    private static Started startCli(String... args) throws IOException {
        int n = RUNS.incrementAndGet();
        Path out = DIR.resolve("cli-" + n + ".out");
        Path err = DIR.resolve("cli-" + n + ".err");
        return new Started(start(List.of(args), out, err), out, err);
    }

    record Started(Process process, Path out, Path err) {
    }

    private static Run finish(Started s) throws Exception {
        assertThat(s.process().waitFor(10, TimeUnit.MINUTES)).as("the command ends").isTrue();
        return new Run(s.process().exitValue(), Files.readString(s.out()), Files.readString(s.err()));
    }

    private static Process start(List<String> args, Path out, Path err) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(java, "-Xmx320m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "io.socialsync.cli.SocialSync"));
        command.addAll(args);
        var builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("SOCIALSYNC_") || k.startsWith("SPRING_"));
        builder.environment().putAll(Map.of(
                "SOCIALSYNC_DB_URL", DB.url(), "SOCIALSYNC_DB_USER", DB.user(), "SOCIALSYNC_DB_PASSWORD", DB.password(),
                "SOCIALSYNC_DATA_DIR", DIR.resolve("data").toString(), "SOCIALSYNC_SECRET_KEY", TestDatabases.SECRET_KEY,
                "SOCIALSYNC_INGEST_ALLOWED_HOSTS", "127.0.0.2", "SOCIALSYNC_PUBLIC_URL", "http://localhost:" + PORT,
                "SOCIALSYNC_YTDLP", DIR.resolve("no-yt-dlp").toString()));
        Process p = builder.start();
        PROCESSES.add(p);
        return p;
    }

    private static String column(long video, String column) {
        try (var c = DriverManager.getConnection(DB.url(), DB.user(), DB.password()); var s = c.createStatement();
             var rs = s.executeQuery("SELECT " + column + " FROM videos WHERE id = " + video)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(String sql) {
        try (var c = DriverManager.getConnection(DB.url(), DB.user(), DB.password()); var s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int status(URI uri) {
        try (var http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
