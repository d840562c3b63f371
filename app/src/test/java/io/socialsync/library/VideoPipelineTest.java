package io.socialsync.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.apikey.ApiKeyService;
import io.socialsync.ledger.Actor;
import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.support.Api;
import io.socialsync.support.Eventually;
import io.socialsync.support.Multipart;
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
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Upload → probe → analysis → clips → one-pass render → signed download, on real FFmpeg and real files. */
class VideoPipelineTest extends ServerTest {
    private static final Duration SLOW = Duration.ofMinutes(4);
    @Autowired
    Workspaces workspaces;
    @Autowired
    ApiKeyService keys;
    @Autowired
    Videos videos;
    @Autowired
    Clips clips;

    private Api.Response upload(byte[] content, String fileName, String idempotencyKey) {
        var request = admin.request("/upload");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return admin.send(new Multipart().field("title", "Test " + fileName)
                .file("file", fileName, "video/mp4", content).into(request));
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode awaitVideo(long id, String state) {
        Eventually.await("video " + id + " " + state, SLOW,
                () -> admin.get("/videos/" + id).json().get("state").asString().equals(state));
        return admin.get("/videos/" + id).json();
    }

    @Test
    void anUploadedVideoIsAnalysedIntoClipsAndRenderedIntoVariants() throws Exception {
        byte[] video = TestVideos.bytes(TestVideos.music("pipeline", 24));
        var uploaded = upload(video, "../../etc/My Song.MP4", null);
        assertThat(uploaded.status()).isEqualTo(201);
        long id = uploaded.json().get("video").get("id").asLong();
        assertThat(uploaded.json().get("video").get("original_name").asString()).isEqualTo("My Song.MP4");
        assertThat(uploaded.json().get("video").get("sha256").asString()).hasSize(64);
        assertThat(awaitVideo(id, "READY").get("state").asString()).isEqualTo("READY");

        // re-analyse with short clips so the render stays quick
        var reanalyse = admin.post("/videos/" + id + "/analyse",
                "{\"min_length_s\":4,\"max_length_s\":6,\"min_count\":2,\"max_count\":3}");
        assertThat(reanalyse.status()).isEqualTo(202);
        long job = reanalyse.json().get("job_id").asLong();
        Eventually.await("re-analysis", SLOW, () -> admin.get("/jobs/" + job).json().get("state").asString()
                .equals("COMPLETED"));
        var clips = admin.get("/videos/" + id + "/clips").json();
        assertThat(clips.size()).isBetween(2, 3);
        for (JsonNode clip : clips) {
            assertThat(clip.get("duration_seconds").asDouble()).isBetween(3.9, 6.1);
            assertThat(clip.get("score").asInt()).isBetween(0, 100);
            assertThat(clip.get("reason").asString()).isNotBlank();
            assertThat(clip.get("sub_scores").has("energy")).isTrue();
        }
        long clipId = clips.get(0).get("id").asLong();
        assertThat(fetch(admin.get("/clips/" + clipId + "/thumbnail")).length).isGreaterThan(500);
        assertThat(fetch(admin.get("/videos/" + id + "/contact-sheet")).length).isGreaterThan(500);

        var render = admin.post("/clips/" + clipId + "/variants",
                "{\"platforms\":[\"instagram_reel\",\"tiktok\",\"facebook\"],\"presets\":[\"random\"],\"seed\":42}");
        assertThat(render.status()).isEqualTo(202);
        var variants = render.json().get("variants");
        assertThat(variants.size()).isEqualTo(3);
        long renderJob = render.json().get("job_id").asLong();
        Eventually.await("render", SLOW, () -> admin.get("/jobs/" + renderJob).json().get("state").asString()
                .matches("COMPLETED|FAILED"));
        assertThat(admin.get("/jobs/" + renderJob).json().get("state").asString()).isEqualTo("COMPLETED");

        var reel = admin.get("/variants/" + variants.get(0).get("id").asLong()).json();
        var tiktok = admin.get("/variants/" + variants.get(1).get("id").asLong()).json();
        var square = admin.get("/variants/" + variants.get(2).get("id").asLong()).json();
        assertThat(List.of(reel, tiktok, square)).allSatisfy(v -> assertThat(v.get("state").asString()).isEqualTo("READY"));
        assertThat(reel.get("width").asInt()).isEqualTo(1080);
        assertThat(reel.get("height").asInt()).isEqualTo(1920);
        assertThat(square.get("height").asInt()).isEqualTo(1080);
        // the 320x180 source is enlarged whichever way it is reframed: at least 1080 / 320
        assertThat(reel.get("warnings")).singleElement().satisfies(w -> {
            assertThat(w.get("type").asString()).isEqualTo("upscale");
            assertThat(w.get("factor").asDouble()).isGreaterThan(3.3);
            assertThat(w.get("source_width").asInt()).isEqualTo(320);
        });
        assertThat(reel.get("seed").asLong()).isEqualTo(42);
        assertThat(reel.get("preset_params").get("seed").asLong()).isEqualTo(42);
        // stored as the renderer's Java record has it, answered in the wire's snake case
        assertThat(reel.get("preset_params").has("hue_degrees")).isTrue();
        assertThat(reel.get("preset_params").toString()).doesNotContain("hueDegrees");

        Path out = Files.createTempFile("variant", ".mp4");
        Files.write(out, fetch(admin.get("/variants/" + reel.get("id").asLong() + "/file")));
        var probe = TestVideos.ffmpeg().probe(List.of("-v", "error", "-show_entries",
                "stream=codec_name,profile,pix_fmt,width,height,sample_rate", "-of", "default=nw=1",
                Ffmpeg.fileArg(out)), Duration.ofSeconds(30), null).stdout();
        assertThat(probe).contains("codec_name=h264", "profile=High", "pix_fmt=yuv420p", "width=1080",
                "height=1920", "codec_name=aac", "sample_rate=48000");

        var events = admin.get("/ledger?entity_type=video&entity_id=" + id).json().get("items");
        assertThat(events).extracting(e -> e.get("event_type").asString())
                .contains("video_uploaded", "video_probed", "video_analysed");
    }

    @Test
    void theSameContentOrIdempotencyKeyGivesTheSameVideo() {
        byte[] video = TestVideos.bytes(TestVideos.music("dupe", 6));
        String key = "upload-key-" + UUID.randomUUID();
        var first = upload(video, "a.mp4", key);
        var again = upload(video, "b.mp4", null);
        var retried = upload(video, "c.mp4", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        assertThat(again.json().get("video").get("id").asLong()).isEqualTo(first.json().get("video").get("id").asLong());
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("video").get("id").asLong()).isEqualTo(first.json().get("video").get("id").asLong());

        byte[] other = TestVideos.bytes(TestVideos.distinctMusic("dupe-other", 4));
        var otherFile = upload(other, "d.mp4", key);
        assertThat(otherFile.status()).as(otherFile.body()).isEqualTo(422);
        assertThat(otherFile.header("Content-Type")).startsWith("application/problem+json");
        assertThat(otherFile.json().get("detail").asString()).contains("Idempotency-Key was used for another request");
        long workspace = workspaces.byName(io.socialsync.workspace.Workspace.DEFAULT_NAME).orElseThrow().id();
        assertThat(videos.bySha256(workspace, sha256(other))).as("nothing added").isEmpty();
    }

    @Test
    void aTextFileNamedMp4IsRefusedAndATruncatedVideoIsRejectedWithItsReason() {
        long before = admin.get("/videos?limit=500").json().get("items").size();
        var text = upload("hello, I am not a video at all".repeat(40).getBytes(), "fake.mp4", null);
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.header("Content-Type")).startsWith("application/problem+json");
        assertThat(admin.get("/videos?limit=500").json().get("items").size()).isEqualTo(before);

        byte[] whole = TestVideos.bytes(TestVideos.music("truncate", 6));
        byte[] half = Arrays.copyOf(whole, whole.length / 2);
        var truncated = upload(half, "cut.mp4", null);
        assertThat(truncated.status()).isEqualTo(201);
        long id = truncated.json().get("video").get("id").asLong();
        var rejected = awaitVideo(id, "REJECTED");
        assertThat(rejected.get("rejection").get("code").asString()).isEqualTo("truncated");
        assertThat(rejected.get("rejection").get("reason").asString()).contains("incomplete");
    }

    @Test
    void badVariantRequestsAreClearErrors() {
        assertThat(admin.post("/clips/999999/variants", "{\"platforms\":[\"tiktok\"]}").status()).isEqualTo(404);
        var noPlatforms = admin.post("/clips/999999/variants", "{\"platforms\":[]}");
        assertThat(noPlatforms.status()).isEqualTo(400);
        assertThat(admin.post("/upload", "{}").status()).isEqualTo(415);
        assertThat(admin.get("/videos/999999").status()).isEqualTo(404);
        assertThat(admin.get("/videos?state=NOPE").status()).isEqualTo(400);
    }

    @Test
    void aClipTooShortForReelsIsRefusedWhenItsVariantsAreRequestedAndNothingIsQueued() {
        long ws = workspaces.create("short-" + UUID.randomUUID()).id();
        var editor = admin.withKey(keys.create(ws, "editor", Role.EDITOR, Actor.SYSTEM).plainKey());
        long videoId = videos.insert(new Video.New(ws, Video.Source.upload, "short", null, null, "s.mp4",
                ws + "/videos/s.mp4", "video/mp4", 1, "00"), null, Instant.now());
        long clipId = clips.insert(ws, videoId, 1, 1000, 3400, 50, "{}", "short", null, null, Instant.now());

        var refused = editor.post("/clips/" + clipId + "/variants", "{\"platforms\":[\"tiktok\",\"instagram_reel\"]}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("clip " + clipId + ": the clip lasts 2.4 s but instagram_reel needs at least 3 s;"
                        + " lengthen the clip");
        assertThat(editor.get("/jobs").json().get("items").size()).as("no render job").isZero();

        assertThat(editor.post("/clips/" + clipId + "/variants", "{\"platforms\":[\"tiktok\"]}").status())
                .as("TikTok publishes no minimum").isEqualTo(202);
    }

    /** Follows the API's redirect to the signed /files link, as a browser or platform would. */
    private static byte[] fetch(Api.Response redirect) throws Exception {
        assertThat(redirect.status()).isEqualTo(302);
        var location = URI.create(redirect.header("Location"));
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(location).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
