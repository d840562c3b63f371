package io.socialsync.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socialsync.support.IngestServerTest;
import io.socialsync.support.TestVideos;
import io.socialsync.web.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clients generated from docs/openapi.json (clients/, built by the clients module this module's tests depend on)
 * against this live server: the TypeScript client compiled strict with tsc (npm, bin/setup-node) and run under Node,
 * the Python client on Debian's python3 with Debian's packages (bin/setup-python). Each creates a job for 2031 under
 * an idempotency key, uploads a video, pages through the library with next_cursor, schedules a post, reads its
 * metrics and meets a problem+json 404: what the generated clients got wrong (run_at dropped, size_bytes null,
 * one page only) is asserted here on the values they decoded.
 */
class GeneratedClientsTest extends IngestServerTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path TS_DIR = Path.of("src/test/node/clients-ts");
    static final Path TS_OUT = Path.of("target/clients-ts");
    static final Path PY_CLIENT = ROOT.resolve("clients/python");
    static final Path PY_FLOW = Path.of("src/test/python/clients/flow.py");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OffsetDateTime LONG_AGO = OffsetDateTime.of(2029, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void theTypeScriptClientCompilesAndDrivesTheServer() throws Exception {
        assumeTrue(Files.isRegularFile(ROOT.resolve("clients/typescript/src/index.ts")),
                "the TypeScript client is not generated: mvn -pl clients generate-sources");
        assumeTrue(Files.isDirectory(TS_DIR.resolve("node_modules/typescript")),
                "tsc is not installed: run bin/setup-node");
        // strict compilation of the generated sources with the flow: a type the spec gets wrong fails here
        Files.createDirectories(TS_OUT);
        var tsc = run(TS_DIR, Map.of(), "node", "node_modules/typescript/bin/tsc", "-p", "tsconfig.json");
        assertThat(tsc.status()).as(tsc.out() + tsc.err()).isZero();
        Path flow = TS_OUT.resolve("app/src/test/node/clients-ts/flow.js").toAbsolutePath();
        checkFlow("typescript", args -> run(TS_DIR, Map.of(), prepend(List.of("node", flow.toString()), args)));
    }

    @Test
    void thePythonClientDrivesTheServerOnDebiansPackages() throws Exception {
        assumeTrue(Files.isDirectory(PY_CLIENT.resolve("socialsync_client")),
                "the Python client is not generated: mvn -pl clients generate-sources");
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        var env = Map.of("PYTHONPATH", PY_CLIENT.toString());
        var probe = run(Path.of("."), env, python, "-c", "import pydantic, urllib3, dateutil, socialsync_client");
        assumeTrue(probe.status() == 0, "the Python client's packages are missing (run bin/setup-python): "
                + probe.err().lines().reduce((a, b) -> b).orElse(""));
        checkFlow("python", args -> run(Path.of("."), env,
                prepend(List.of(python, PY_FLOW.toAbsolutePath().toString()), args)));
    }

    private void checkFlow(String client, Runner runner) throws Exception {
        clock.set(START); // the context's clock is shared: another test may have moved it past the 20:00 slot
        var ws = newWorkspace(Role.ADMIN);
        long clip = clip(ws.id());
        List<Long> older = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            older.add(video(ws.id()));
        }
        long account = ws.api().post("/social-accounts", JSON.writeValueAsString(Map.of("platform", "instagram",
                "handle", "h", "timezone", "UTC", "access_token", "t"))).json().path("id").asLong();
        Path file = TestVideos.music("client-" + client, 2);

        var result = runner.run(List.of(ws.api().baseUrl(), ws.api().key(), file.toAbsolutePath().toString(),
                Long.toString(clip), Long.toString(account)));
        assertThat(result.status()).as(result.err()).isZero();
        JsonNode out = JSON.readTree(result.out());

        JsonNode job = out.path("job");
        assertThat(job.path("again").asLong()).isEqualTo(job.path("id").asLong()); // one job per key
        assertThat(Instant.parse(job.path("run_at").asString())).isEqualTo(Instant.parse("2031-01-01T00:00:00Z"));
        assertThat(job.path("state").asString()).isEqualTo("SCHEDULED");
        assertThat(job.path("kind").asString()).isEqualTo("NOOP");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM jobs WHERE workspace_id = ? AND kind = 'NOOP'").param(ws.id())
                .query(Long.class).single()).isEqualTo(1);

        JsonNode video = out.path("video");
        assertThat(video.path("size_bytes").asLong()).isEqualTo(Files.size(file));
        assertThat(video.path("title").asString()).isEqualTo("from " + client);
        assertThat(video.path("original_name").asString()).isEqualTo(file.getFileName().toString());
        assertThat(video.path("created_at").isString()).as(video.toString()).isTrue();

        // 5 videos in pages of 2: every page followed, newest first, none twice
        var pages = out.path("pages").valueStream().map(p -> p.valueStream().map(JsonNode::asLong).toList()).toList();
        assertThat(pages).hasSize(3).allSatisfy(p -> assertThat(p.size()).isBetween(1, 2));
        var all = jdbc.sql("SELECT id FROM videos WHERE workspace_id = ? ORDER BY id DESC").param(ws.id())
                .query(Long.class).list();
        assertThat(all).hasSize(5).contains(video.path("id").asLong(), clip(ws.id(), clip)).containsAll(older);
        assertThat(pages.stream().flatMap(List::stream).toList()).isEqualTo(all);

        JsonNode scheduled = out.path("scheduled");
        assertThat(scheduled.path("status").asString()).isEqualTo("scheduled");
        assertThat(Instant.parse(scheduled.path("scheduled_for").asString()))
                .isEqualTo(Instant.parse("2030-01-07T20:00:00Z"));
        assertThat(ws.api().get("/publishing/" + scheduled.path("id").asString()).json().path("clip_id").asString())
                .isEqualTo(Long.toString(clip));

        JsonNode metrics = out.path("metrics");
        assertThat(metrics.path("publication_id").asString()).isEqualTo(scheduled.path("id").asString());
        assertThat(metrics.path("platform").asString()).isEqualTo("instagram");
        assertThat(metrics.path("status").asString()).isEqualTo("scheduled");
        assertThat(metrics.path("collections").asInt()).isZero();

        JsonNode missing = out.path("missing");
        assertThat(missing.path("status").asInt()).isEqualTo(404);
        assertThat(missing.path("title").asString()).isNotBlank();
    }

    /** The video a clip row belongs to. */
    private long clip(long ws, long clip) {
        return jdbc.sql("SELECT video_id FROM clips WHERE workspace_id = ? AND id = ?").params(ws, clip)
                .query(Long.class).single();
    }

    /** A clip row on a video row (analysis is not what this test is about). */
    private long clip(long ws) {
        long video = video(ws);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO clips (workspace_id, video_id, rank, start_ms, end_ms, score, sub_scores, reason, "
                        + "created_at) VALUES (?, ?, 1, 0, 15000, 80, '{}', 'test clip', ?)")
                .params(ws, video, LONG_AGO).update(keys, "id");
        return keys.getKey().longValue();
    }

    private long video(long ws) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO videos (workspace_id, source, storage_key, size_bytes, sha256, state, created_at, "
                        + "updated_at) VALUES (?, 'UPLOAD', 'videos/x.mp4', 1, ?, 'READY', ?, ?)")
                .params(ws, UUID.randomUUID().toString().replace("-", ""), LONG_AGO, LONG_AGO).update(keys, "id");
        return keys.getKey().longValue();
    }

    record Result(int status, String out, String err) {
    }

    interface Runner {
        Result run(List<String> args) throws Exception;
    }

    private static List<String> prepend(List<String> command, List<String> args) {
        var all = new ArrayList<>(command);
        all.addAll(args);
        return all;
    }

    private static Result run(Path dir, Map<String, String> env, String... command) throws Exception {
        return run(dir, env, List.of(command));
    }

    private static Result run(Path dir, Map<String, String> env, List<String> command) throws IOException,
            InterruptedException {
        Path err = Files.createTempFile("client", ".err");
        var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        var process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        String errors = Files.readString(err);
        Files.delete(err);
        return new Result(process.exitValue(), out, errors);
    }
}
