package io.socialsync.edit;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.apikey.ApiKeyService;
import io.socialsync.ledger.Actor;
import io.socialsync.library.Clips;
import io.socialsync.library.Variants;
import io.socialsync.library.Video;
import io.socialsync.library.Videos;
import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageKey;
import io.socialsync.support.Api;
import io.socialsync.support.Eventually;
import io.socialsync.support.ServerTest;
import io.socialsync.support.TestVideos;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspaces;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The edit endpoints end to end: request → job → real FFmpeg → asset in storage → signed download. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "socialsync.edit.allow-private-networks=true",
        "socialsync.jobs.poll-interval=50ms", "socialsync.jobs.backoff-base=50ms"})
@DirtiesContext // stop the workers before the data directory goes
class EditApiTest {
    private static final Duration SLOW = Duration.ofMinutes(3);
    private static final int PORT = ServerTest.freePort();
    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("socialsync.data-dir", dataDir::toString);
        registry.add("server.port", () -> PORT);
        registry.add("socialsync.storage.public-base-url", () -> "http://localhost:" + PORT);
    }

    @Autowired
    Workspaces workspaces;
    @Autowired
    ApiKeyService keys;
    @Autowired
    Videos videos;
    @Autowired
    Clips clips;
    @Autowired
    Variants variants;
    @Autowired
    Storage storage;

    record Workspace(long id, Api api) {
    }

    private Workspace workspace() {
        long ws = workspaces.create("edit-" + UUID.randomUUID()).id();
        String key = keys.create(ws, "editor", Role.EDITOR, Actor.SYSTEM).plainKey();
        return new Workspace(ws, new Api("http://localhost:" + PORT, key));
    }

    private long video(long ws, Path file) {
        var key = StorageKey.of(ws + "/videos/" + UUID.randomUUID() + ".mp4");
        var stored = storage.putFile(key, file);
        return videos.insert(new Video.New(ws, Video.Source.upload, "test", null, null, "t.mp4", key.value(),
                "video/mp4", stored.size(), stored.sha256()), null, Instant.now());
    }

    /** A READY variant whose file is {@code file}: 160x120 at 30 fps without audio, unlike the 320x180 video. */
    private long variant(long ws, long videoId, Path file) {
        var key = StorageKey.of(ws + "/variants/" + UUID.randomUUID() + ".mp4");
        var stored = storage.putFile(key, file);
        long clip = clips.insert(ws, videoId, 1, 0, 2000, 50, "{}", "test", null, null, Instant.now());
        long id = variants.insertPending(ws, clip, "tiktok", "none", "{}", 0, Instant.now());
        variants.ready(ws, id, key.value(), 160, 120, 2000, stored.size(), Instant.now());
        return id;
    }

    private JsonNode awaitJob(Api api, Api.Response accepted) {
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        long id = accepted.json().get("id").asLong();
        Eventually.await("job " + id, SLOW, () -> api.get("/jobs/" + id).json().get("state").asString()
                .matches("COMPLETED|FAILED|CANCELLED"));
        return api.get("/jobs/" + id).json();
    }

    private static JsonNode completed(JsonNode job) {
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
        return job.get("result");
    }

    @Test
    void trimAddTextAndConcatenateProduceDownloadableAssets() throws Exception {
        var ws = workspace();
        Path music = TestVideos.music("edit-source", 4);
        long videoId = video(ws.id(), music);
        long variantId = variant(ws.id(), videoId, small());
        try (var server = new FileServer(Map.of("/clip.mp4", Files.readAllBytes(music),
                "/notes.txt", "not a video".repeat(50).getBytes()))) {
            var trim = ws.api().post("/process/video/trim",
                    "{\"input\":{\"video_id\":" + videoId + "},\"start\":1,\"end\":3,\"mode\":\"accurate\"}");
            assertThat(trim.json().get("kind").asString()).isEqualTo("EDIT_TRIM");
            var text = ws.api().post("/process/video/add_text", "{\"input\":{\"url\":\""
                    + server.url("/redirect/clip.mp4") + "\"},\"text\":\"Hola ✓ Ünïcode\",\"position\":\"bottom\","
                    + "\"font_size\":24,\"color\":\"#ffcc00\",\"start\":0.5,\"end\":2}");
            var concat = ws.api().post("/process/video/concatenate", "{\"inputs\":[{\"video_id\":" + videoId
                    + "},{\"variant_id\":" + variantId + "}]}");
            var notVideo = ws.api().post("/process/video/trim", "{\"video_url\":\"" + server.url("/notes.txt")
                    + "\",\"start_time\":0,\"end_time\":1}");

            var trimmed = completed(awaitJob(ws.api(), trim));
            assertThat(trimmed.get("status").asString()).isEqualTo("completed");
            assertThat(trimmed.get("duration_seconds").asDouble()).isBetween(1.9, 2.1);
            // the seed's asset_url: absolute and signed, fetched as is; asset_file lasts (a fresh link each time)
            assertThat(trimmed.get("asset_url").asString())
                    .matches("http://localhost:" + PORT + "/files/\\d+/assets/job\\d+-trim\\.mp4\\?expires=\\d+&sig=\\w+");
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(trimmed.get("asset_url")
                    .asString())).build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
            assertThat(trimmed.get("asset_file").asString()).matches("/assets/\\d+/file");
            var texted = completed(awaitJob(ws.api(), text));
            assertThat(texted.get("width").asInt()).isEqualTo(320);
            assertThat(texted.get("duration_seconds").asDouble()).isBetween(3.9, 4.1);
            var joined = completed(awaitJob(ws.api(), concat));
            assertThat(joined.get("duration_seconds").asDouble()).isBetween(5.8, 6.2);
            assertThat(joined.get("height").asInt()).isEqualTo(180);
            var failed = awaitJob(ws.api(), notVideo);
            assertThat(failed.get("state").asString()).isEqualTo("FAILED");
            assertThat(failed.get("last_error").asString()).contains("input 1", "not a video file");

            byte[] file = fetch(ws.api().get(trimmed.get("asset_file").asString()));
            Path out = Files.write(dataDir.resolve("trimmed.mp4"), file);
            assertThat(TestVideos.ffmpeg().probe(List.of("-v", "error", "-show_entries", "stream=codec_name",
                    "-of", "csv=p=0", Ffmpeg.fileArg(out)), Duration.ofSeconds(30), null).stdout())
                    .contains("h264", "aac");
        }
        var events = ws.api().get("/ledger?event_type=asset_created").json().get("items");
        assertThat(events.size()).isEqualTo(3);
        assertThat(events.get(0).get("job_id").isNull()).isFalse();

        var other = workspace();
        long assetId = events.get(0).get("entity_id").asLong();
        assertThat(other.api().get("/assets/" + assetId).status()).isEqualTo(404);
        assertThat(other.api().get("/assets/" + assetId + "/file").status()).isEqualTo(404);
        assertThat(other.api().post("/process/video/trim",
                "{\"input\":{\"video_id\":" + videoId + "},\"start\":0,\"end\":1}").status()).isEqualTo(404);
        assertThat(ws.api().get("/assets/" + assetId).json().get("url").asString())
                .isEqualTo("/assets/" + assetId + "/file");
    }

    @Test
    void preferWaitAnswersTheFinishedResultWithTheCallersSessionId() throws Exception {
        var ws = workspace();
        long videoId = video(ws.id(), TestVideos.music("edit-wait", 3));
        String body = "{\"input\":{\"video_id\":" + videoId + "},\"start_time\":0,\"end_time\":1,"
                + "\"session_id\":\"user-session-123\"}";
        var waited = ws.api().send(ws.api().request("/process/video/trim").header("Content-Type", "application/json")
                .header("Prefer", "respond-async, wait=180").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(waited.status()).as(waited.body()).isEqualTo(200);
        assertThat(waited.header("Preference-Applied")).isEqualTo("wait=180");
        var result = waited.json();
        assertThat(result.get("status").asString()).isEqualTo("completed");
        assertThat(result.get("asset_url").asString()).startsWith("http://localhost:" + PORT + "/files/")
                .contains("&sig=");
        assertThat(result.get("session_id").asString()).isEqualTo("user-session-123");
        long jobId = result.get("job_id").asLong();
        assertThat(ws.api().get("/jobs/" + jobId).json().get("result").get("session_id").asString())
                .isEqualTo("user-session-123");
        // the job's events (what webhooks deliver) carry it too, so a notification matches its request
        var events = ws.api().get("/ledger?entity_type=job&entity_id=" + jobId).json().get("items");
        assertThat(events.valueStream().map(e -> e.get("event_type").asString())).contains("job_completed");
        assertThat(events.valueStream()).allSatisfy(e ->
                assertThat(e.get("payload").get("session_id").asString()).isEqualTo("user-session-123"));

        // wait=0: not done yet, so the usual 202 with the job, the preference still honoured
        var now = ws.api().send(ws.api().request("/process/video/trim").header("Content-Type", "application/json")
                .header("Prefer", "wait=0").POST(HttpRequest.BodyPublishers.ofString(body.replace("\"end_time\":1",
                        "\"end_time\":2"))));
        assertThat(now.status()).isEqualTo(202);
        assertThat(now.header("Preference-Applied")).isEqualTo("wait=0");
        assertThat(now.json().get("kind").asString()).isEqualTo("EDIT_TRIM");
        awaitJob(ws.api(), now);
        assertThat(ws.api().post("/process/video/trim", body.replace("user-session-123", " ")).status())
                .isEqualTo(400);
    }

    @Test
    void anEditKeyReusedForAnotherEditIs422() {
        var ws = workspace();
        long videoId = video(ws.id(), TestVideos.music("edit-key", 3));
        String trim = "{\"input\":{\"video_id\":" + videoId + "},\"start_time\":0,\"end_time\":%d}";
        io.socialsync.support.IdempotencyKeyChecks.assertReplayedAndReuseRefused(
                io.socialsync.support.IdempotencyKeyChecks.header(ws.api(), "/process/video/trim"),
                trim.formatted(1), trim.formatted(2), // a replay after the job ended answers its result
                answer -> (answer.has("job_id") ? answer.get("job_id") : answer.get("id")).asString(),
                () -> ws.api().get("/jobs?limit=500").json().get("items").size());
    }

    @Test
    void healthAnswersLikeTheSeedsServiceWithoutAKey() throws Exception {
        var health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT
                + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"healthy\"");
    }

    @Test
    void invalidRequestsNameTheirFields() {
        var api = workspace().api();
        assertFields(api.post("/process/video/trim", "{\"input\":{\"video_id\":1},\"start\":3,\"end\":1}"), "end");
        assertFields(api.post("/process/video/trim", "{\"input\":{\"video_id\":1,\"url\":\"http://x.test/\"},"
                + "\"start\":0,\"end\":1,\"mode\":\"fast\"}"), "input", "mode");
        assertFields(api.post("/process/video/trim", "{\"input\":{\"url\":\"file:///etc/passwd\"},\"start\":0,"
                + "\"end\":1}"), "input.url");
        assertFields(api.post("/process/video/add_text", "{\"input\":{\"video_id\":1},\"text\":\" \","
                + "\"color\":\"blurple\",\"position\":\"left-ish\",\"font_size\":2}"),
                "text", "color", "position", "font_size");
        assertFields(api.post("/process/video/concatenate", "{\"inputs\":[{\"video_id\":1}]}"), "inputs");
        assertFields(api.post("/process/video/concatenate", "{\"inputs\":[{\"video_id\":1},{\"video_id\":2}],"
                + "\"target_format\":\"myspace\"}"), "target_format");
        var missing = api.post("/process/video/trim", "{\"input\":{\"video_id\":999999},\"start\":0,\"end\":1}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.post("/process/video/concatenate", "{\"inputs\":[{\"variant_id\":999999},"
                + "{\"video_id\":999999}]}").status()).isEqualTo(404);
    }

    private static void assertFields(Api.Response response, String... fields) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors")).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder(fields);
    }

    /** 2 s of 160x120 at 30 fps, no audio: a second input of another size and rate. */
    private static Path small() throws Exception {
        Path out = dataDir.resolve("small.mp4");
        TestVideos.ffmpeg().run(List.of("-f", "lavfi", "-i", "testsrc2=size=160x120:rate=30:duration=2",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", Ffmpeg.fileArg(out)),
                io.socialsync.media.ffmpeg.RunOptions.defaults());
        return out;
    }

    /** Follows the redirect to the signed /files link. */
    private static byte[] fetch(Api.Response redirect) throws Exception {
        assertThat(redirect.status()).isEqualTo(302);
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(redirect.header("Location")))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
