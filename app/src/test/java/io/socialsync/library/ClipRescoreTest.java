package io.socialsync.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.apikey.ApiKeyService;
import io.socialsync.ledger.Actor;
import io.socialsync.support.Api;
import io.socialsync.support.Eventually;
import io.socialsync.support.Multipart;
import io.socialsync.support.ServerTest;
import io.socialsync.support.TestVideos;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspaces;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** PATCH /clips/{id}: an editor moves a clip's bounds and RESCORE_CLIP scores them on real FFmpeg. */
class ClipRescoreTest extends ServerTest {
    private static final Duration SLOW = Duration.ofMinutes(4);
    @Autowired Workspaces workspaces;
    @Autowired ApiKeyService keys;
    @Autowired Variants variants;

    @Test
    void anEditorMovesAClipsBoundsAndItIsScoredAgainWhileBadInputAndOtherRolesChangeNothing() {
        long ws = workspaces.create("rescore-" + UUID.randomUUID()).id();
        Api editor = admin.withKey(keys.create(ws, "editor", Role.EDITOR, Actor.SYSTEM).plainKey());
        Api viewer = admin.withKey(keys.create(ws, "viewer", Role.VIEWER, Actor.SYSTEM).plainKey());
        var uploaded = editor.send(new Multipart().field("title", "rescore")
                .file("file", "song.mp4", "video/mp4", TestVideos.bytes(TestVideos.music("rescore", 12)))
                .into(editor.request("/upload")));
        long video = uploaded.json().get("video").get("id").asLong();
        Eventually.await("video analysed", SLOW,
                () -> editor.get("/videos/" + video).json().get("state").asString().equals("READY"));
        JsonNode clip = editor.get("/videos/" + video + "/clips").json().get(0);
        long id = clip.get("id").asLong();
        String path = "/clips/" + id;

        var reversed = editor.patch(path, "{\"start_s\":6,\"end_s\":3}");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.body()).contains("end_s");
        var outside = editor.patch(path, "{\"start_s\":2,\"end_s\":30}");
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.body()).contains("end_s", "within the video");
        var missing = editor.patch(path, "{\"end_s\":5}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("start");
        assertThat(viewer.patch(path, "{\"start_s\":2,\"end_s\":8.5}").status()).isEqualTo(403);
        assertThat(otherWorkspace(workspaces, keys).patch(path, "{\"start_s\":2,\"end_s\":8.5}").status())
                .isEqualTo(404);
        assertThat(editor.get(path).json().get("clip")).isEqualTo(clip);

        var accepted = editor.patch(path, "{\"start_s\":2,\"end_s\":8.5}");
        assertThat(accepted.status()).isEqualTo(202);
        long job = accepted.json().get("job_id").asLong();
        assertThat(editor.get("/jobs/" + job).json().get("kind").asString()).isEqualTo("RESCORE_CLIP");
        Eventually.await("re-score", SLOW, () -> editor.get("/jobs/" + job).json().get("state").asString()
                .matches("COMPLETED|FAILED"));
        assertThat(editor.get("/jobs/" + job).json().get("state").asString()).isEqualTo("COMPLETED");

        JsonNode rescored = editor.get(path).json().get("clip");
        assertThat(rescored.get("start_seconds").asDouble()).isEqualTo(2.0);
        assertThat(rescored.get("end_seconds").asDouble()).isEqualTo(8.5);
        assertThat(rescored.get("score").asInt()).isBetween(0, 100);
        assertThat(rescored.get("reason").asString()).isNotBlank().doesNotStartWith("Whole video");
        assertThat(rescored.get("sub_scores").has("continuity")).isTrue();
        assertThat(rescored.get("rescore_job_id").isNull()).isTrue();
        assertThat(rescored.get("thumbnail_url").asString()).isEqualTo(path + "/thumbnail");
        var events = editor.get("/ledger?entity_type=clip&entity_id=" + id).json().get("items");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("event_type").asString()).isEqualTo("clip_rescored");
            assertThat(e.get("payload").get("from_end_s").asDouble()).isEqualTo(clip.get("end_seconds").asDouble());
        });

        // a variant was cut from these bounds: they cannot move under it
        variants.insertPending(ws, id, "tiktok", "none", "{}", 1, Instant.now());
        var conflict = editor.patch(path, "{\"start_s\":1,\"end_s\":9}");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body()).contains("variant");
    }
}
