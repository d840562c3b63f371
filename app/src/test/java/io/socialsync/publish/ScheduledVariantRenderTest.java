package io.socialsync.publish;

import static io.socialsync.publish.PublishingFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageKey;
import io.socialsync.support.Api;
import io.socialsync.support.ClockedServerTest;
import io.socialsync.support.Eventually;
import io.socialsync.support.TestVideos;
import io.socialsync.web.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import tools.jackson.databind.JsonNode;

/**
 * A scheduled clip always has its file: scheduling a clip for a platform it has no variant for queues the render at
 * once (real FFmpeg on a small real video), warns at scheduling time, and the publication shows the render's state,
 * and why it failed, long before the post is due.
 */
class ScheduledVariantRenderTest extends ClockedServerTest {
    static final Duration RENDER = Duration.ofMinutes(3);
    @Autowired Storage storage;
    private Api api;
    private long ws;

    @BeforeEach
    void workspace() {
        clock.set(START);
        var w = newWorkspace(Role.EDITOR);
        ws = w.id();
        api = w.api();
    }

    @Test
    void schedulingAClipWithoutAVariantRendersOneAndThePublicationShowsIt() {
        long clip = clipOf(TestVideos.music("scheduled-variant", 4), 4000);
        long account = account("tiktok");

        var response = api.post("/publishing/schedule", json(request(clip, account, "tiktok")));
        assertThat(response.status()).isEqualTo(201);
        var warning = single(response.json().path("warnings"), "variant_rendering");
        assertThat(warning.path("message").asString())
                .startsWith("Clip " + clip + " has no rendered tiktok variant: rendering tiktok variant ")
                .contains("preset ", "job ");
        String id = response.json().path("publish_log_id").asString();
        assertThat(api.get("/publishing/" + id).json().path("variant_status").asString()).isIn("rendering", "ready");

        Eventually.await("the variant to render", RENDER,
                () -> api.get("/publishing/" + id).json().path("variant_status").asString().equals("ready"));
        var publication = api.get("/publishing/" + id).json();
        assertThat(publication.path("status").asString()).isEqualTo("scheduled");
        assertThat(publication.path("variant_error").isNull()).isTrue();
        var variants = api.get("/clips/" + clip).json().path("variants");
        assertThat(variants.size()).isEqualTo(1);
        assertThat(variants.get(0).path("format").asString()).isEqualTo("tiktok");
        assertThat(variants.get(0).path("state").asString()).isEqualTo("READY");

        // another account of the platform: the file exists, nothing more to render and nothing to warn about
        var again = api.post("/publishing/schedule", json(request(clip, account("tiktok"), "tiktok"))).json();
        assertThat(again.path("warnings").valueStream().map(w -> w.path("code").asString()))
                .doesNotContain("variant_rendering", "variant_missing");
        assertThat(api.get("/clips/" + clip).json().path("variants").size()).isEqualTo(1);
    }

    @Test
    void aClipThePlatformCannotTakeIsRejectedWhenScheduledAndNothingIsWritten() {
        // 200 s: longer than a YouTube Short may last; the file could never be rendered, so the post never made
        long clip = clipOf(TestVideos.music("scheduled-variant-any", 2), 200_000);
        long account = account("youtube");
        var refused = api.post("/publishing/schedule", json(request(clip, account, "youtube")));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.json().path("status").asString()).isEqualTo("rejected");
        assertThat(refused.json().path("reason").asString()).isEqualTo("clip " + clip
                + ": the clip lasts 200 s but youtube_short allows at most 180 s; shorten the clip");
        assertThat(api.get("/publishing/schedule/" + clip).json().size()).as("no publication").isZero();
        assertThat(api.get("/clips/" + clip).json().path("variants").size()).as("no variant").isZero();
    }

    @Test
    void aRenderThatFailsShowsWhyOnThePublicationBeforeItIsDue() throws Exception {
        // a stored file FFmpeg cannot read: the render is queued at scheduling and fails
        Path broken = java.nio.file.Files.createTempFile("scheduled-variant-broken", ".mp4");
        java.nio.file.Files.writeString(broken, "not a video ".repeat(100));
        long clip = clipOf(broken, 5_000);
        var response = api.post("/publishing/schedule", json(request(clip, account("youtube"), "youtube")));
        assertThat(response.status()).isEqualTo(201);
        assertThat(single(response.json().path("warnings"), "variant_rendering").path("message").asString())
                .contains("has no rendered youtube variant: rendering youtube_short variant");
        String id = response.json().path("publish_log_id").asString();

        Eventually.await("the render to fail", RENDER,
                () -> api.get("/publishing/" + id).json().path("variant_status").asString().equals("failed"));
        var publication = api.get("/publishing/" + id).json();
        assertThat(publication.path("status").asString()).isEqualTo("scheduled"); // not due yet: still planned
        assertThat(publication.path("variant_error").asString()).isNotBlank();
    }

    @Test
    void aClipWhoseVideoFileIsGoneIsScheduledWithAWarningThatNothingCanBeRendered() {
        long clip = PublishingFixtures.clip(jdbc, ws); // its video's file does not exist
        var response = api.post("/publishing/schedule", json(request(clip, account("tiktok"), "tiktok")));
        assertThat(response.status()).isEqualTo(201);
        assertThat(single(response.json().path("warnings"), "variant_missing").path("message").asString())
                .contains("its video's file is missing");
        String id = response.json().path("publish_log_id").asString();
        assertThat(api.get("/publishing/" + id).json().path("variant_status").asString()).isEqualTo("missing");
        assertThat(api.get("/clips/" + clip).json().path("variants").size()).isZero();
    }

    @Test
    void aPostThatFallsDueWhileItsVariantRendersWaitsForItInsteadOfFailing() {
        long clip = PublishingFixtures.clip(jdbc, ws);
        var at = OffsetDateTime.of(2029, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO variants (workspace_id, clip_id, format, preset, preset_params, seed, state, created_at, "
                + "updated_at) VALUES (?, ?, 'tiktok', 'plain', '{}', 1, 'PENDING', ?, ?)")
                .params(ws, clip, at, at).update(keys, "id");
        long variant = keys.getKey().longValue();
        var body = new java.util.HashMap<>(request(clip, account("tiktok"), "tiktok"));
        body.put("variant_id", String.valueOf(variant));
        var response = api.post("/publishing/schedule", json(body)).json();
        assertThat(single(response.path("warnings"), "variant_rendering").path("message").asString())
                .startsWith("variant " + variant + " is still rendering");
        String id = response.path("publish_log_id").asString();

        clock.set(java.time.Instant.parse("2030-01-07T20:00:01Z"));
        api.post("/publishing/scheduler/tick", null);
        Eventually.await("the post to be deferred", RENDER, () -> api.get("/ledger?entity_type=publication&entity_id="
                + id + "&event_type=publish_deferred").json().path("items").size() == 1);
        var publication = api.get("/publishing/" + id).json();
        assertThat(publication.path("status").asString()).isEqualTo("scheduled");
        assertThat(publication.path("variant_status").asString()).isEqualTo("rendering");
        assertThat(publication.path("last_error").asString()).startsWith("variant " + variant + " is still rendering");
        assertThat(java.time.Instant.parse(publication.path("scheduled_for").asString()))
                .isAfterOrEqualTo(java.time.Instant.parse("2030-01-07T20:02:01Z"));
    }

    private static JsonNode single(JsonNode warnings, String code) {
        var matching = warnings.valueStream().filter(w -> w.path("code").asString().equals(code)).toList();
        assertThat(matching).as(warnings.toString()).hasSize(1);
        return matching.getFirst();
    }

    private Map<String, Object> request(long clip, long account, String platform) {
        return Map.of("clip_id", String.valueOf(clip), "platform", platform, "social_account_id",
                String.valueOf(account), "scheduled_for", "2030-01-07T20:00:00Z");
    }

    private long account(String platform) {
        var created = api.post("/social-accounts", json(Map.of("platform", platform, "handle", "h-" + UUID.randomUUID()
                .toString().substring(0, 8), "timezone", "UTC", "access_token", "t")));
        assertThat(created.status()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    /** A READY video whose file is {@code file} in storage, and one clip of its first {@code endMs}. */
    private long clipOf(Path file, long endMs) {
        String key = "videos/" + ws + "/" + UUID.randomUUID() + ".mp4";
        storage.putFile(StorageKey.of(key), file);
        var at = OffsetDateTime.of(2029, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO videos (workspace_id, source, storage_key, size_bytes, sha256, state, created_at, "
                        + "updated_at) VALUES (?, 'UPLOAD', ?, ?, ?, 'READY', ?, ?)")
                .params(ws, key, file.toFile().length(), UUID.randomUUID().toString().replace("-", ""), at, at)
                .update(keys, "id");
        long video = keys.getKey().longValue();
        keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO clips (workspace_id, video_id, rank, start_ms, end_ms, score, sub_scores, reason, "
                        + "created_at) VALUES (?, ?, 1, 0, ?, 80, '{}', 'test clip', ?)")
                .params(ws, video, endMs, at).update(keys, "id");
        return keys.getKey().longValue();
    }
}
