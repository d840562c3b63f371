package io.socialsync.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.apikey.ApiKeyService;
import io.socialsync.jobs.JobQueue;
import io.socialsync.ledger.Actor;
import io.socialsync.library.Clips;
import io.socialsync.library.RescoreClipHandler;
import io.socialsync.people.People;
import io.socialsync.support.ServerTest;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspaces;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** The clip page's start and end: editors re-score through PATCH /clips/{id}'s checks; viewers only read them. */
class ClipBoundsPageTest extends ServerTest {
    private static final String PASSWORD = "clip bounds password";
    @Autowired People people;
    @Autowired Workspaces workspaces;
    @Autowired JobQueue jobs;
    @Autowired Clips clips;
    @Autowired JdbcClient jdbc;
    @Autowired ApiKeyService keys;

    @Test
    void anEditorMovesAClipWhileBadBoundsOrAViewerChangeNothing() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long ws = workspaces.create("bounds " + run).id();
        people.create("editor-" + run + "@example.com", "Eda", PASSWORD, ws, Role.EDITOR, Actor.CLI);
        people.create("viewer-" + run + "@example.com", "Vic", PASSWORD, ws, Role.VIEWER, Actor.CLI);
        long video = video(ws);
        long clip = clips.insert(ws, video, 1, 4_000, 19_968, 71, "{\"energy\":70}", "Steady audio.", null, null,
                Instant.now());
        var editor = WebSession.logIn(admin.withKey(null), "editor-" + run + "@example.com", PASSWORD);
        var viewer = WebSession.logIn(admin.withKey(null), "viewer-" + run + "@example.com", PASSWORD);

        var page = editor.page("/app/clips/" + clip);
        assertThat(page.body()).contains("id=\"clip-bounds\"", "name=\"start_s\"", "step=\"0.1\"", "value=\"4.0\"",
                "value=\"20.0\"", "max=\"60.0\"");
        assertThat(editor.page("/app/videos/" + video).body()).contains("id=\"clip-bounds\"", "class=\"handle\"",
                "data-rescore=\"/app/clips/" + clip + "/rescore\"");
        String csrf = WebSession.csrf(page.body());
        var reversed = editor.post("/app/clips/" + clip + "/rescore", "start_s=9&end_s=3&_csrf=" + WebSession.enc(csrf));
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.body()).contains("end_s");
        var outside = editor.post("/app/clips/" + clip + "/rescore", "start_s=9&end_s=61&_csrf=" + WebSession.enc(csrf));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(editor.forged("/app/clips/" + clip + "/rescore", "start_s=2&end_s=8").status()).isEqualTo(403);

        var viewerPage = viewer.page("/app/clips/" + clip);
        assertThat(viewerPage.body()).doesNotContain("id=\"clip-bounds\"").contains("id=\"clip-bounds-read\"");
        assertThat(viewer.page("/app/videos/" + video).body()).doesNotContain("class=\"handle\"");
        var forged = viewer.post("/app/clips/" + clip + "/rescore", "start_s=2&end_s=8&_csrf="
                + WebSession.enc(WebSession.csrf(viewerPage.body())));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(jobs.page(ws, null, RescoreClipHandler.KIND, null, 10)).isEmpty();

        var ok = editor.post("/app/clips/" + clip + "/rescore", "start_s=2.5&end_s=12&back=video&_csrf="
                + WebSession.enc(csrf));
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.location()).endsWith("/app/videos/" + video);
        var queued = jobs.page(ws, null, RescoreClipHandler.KIND, null, 10);
        assertThat(queued).hasSize(1);
        assertThat(RescoreClipHandler.JOB.payload(queued.getFirst()))
                .isEqualTo(new RescoreClipHandler.Payload(clip, 2.5, 12));
        assertThat(clips.byId(ws, clip).orElseThrow().rescoreJobId()).isEqualTo(queued.getFirst().id());
    }

    @Test
    void aClipBeingRescoredShowsItsJobAndThePagePollsIt() {
        var rescoring = rescoring("rescoring");
        String run = rescoring.run();
        long ws = rescoring.ws();
        long video = rescoring.video();
        long clip = rescoring.clip();
        long job = rescoring.job();
        var editor = WebSession.logIn(admin.withKey(null), "ed-" + run + "@example.com", PASSWORD);

        var page = editor.page("/app/clips/" + clip).body();
        assertThat(page).contains("Re-scoring clip", ">" + job + "</a>", "aria-label=\"Re-score of clip 1\"",
                "hx-trigger=\"every 2s\"");
        assertThat(page).containsPattern("<button type=\"submit\" disabled[^>]*>Re-score</button>");
        assertThat(editor.page("/app/videos/" + video).body()).contains("class=\"rescoring\"",
                "data-rescoring=\"true\"", "hx-trigger=\"every 2s\"");
    }

    /** A cancelled re-score must not leave the clip "being re-scored": the API and the page say what happened. */
    @Test
    void aCancelledRescoreFreesTheClipAndTheApiAndThePageSayWhy() {
        var rescoring = rescoring("cancelled");
        String run = rescoring.run();
        long ws = rescoring.ws();
        long clip = rescoring.clip();
        long job = rescoring.job();

        jobs.cancel(ws, job, Actor.user(42));

        var api = admin.withKey(keys.create(ws, "reader", Role.VIEWER, Actor.CLI).plainKey());
        var shown = api.get("/clips/" + clip).json().get("clip");
        assertThat(shown.get("rescore_job_id").isNull()).isTrue();
        assertThat(shown.get("rescore_error").asString())
                .isEqualTo("re-score job " + job + " was cancelled by user:42");
        var editor = WebSession.logIn(admin.withKey(null), "ed-" + run + "@example.com", PASSWORD);
        var page = editor.page("/app/clips/" + clip).body();
        assertThat(page).doesNotContain("Re-scoring clip").contains("class=\"notice error rescore-error\"",
                "The last re-score did not apply: re-score job " + job + " was cancelled by user:42.");
        assertThat(page).containsPattern("<button type=\"submit\"\\s*>Re-score</button>");
    }

    /** A workspace with an editor and a clip whose re-score job waits for tomorrow (no worker takes it meanwhile). */
    private Rescoring rescoring(String name) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long ws = workspaces.create(name + " " + run).id();
        people.create("ed-" + run + "@example.com", "Ed", PASSWORD, ws, Role.EDITOR, Actor.CLI);
        long video = video(ws);
        long clip = clips.insert(ws, video, 1, 0, 15_000, 50, "{}", "Calm audio.", null, null, Instant.now());
        long job = jobs.enqueue(RescoreClipHandler.JOB.request(ws, new RescoreClipHandler.Payload(clip, 1, 9))
                .at(Instant.now().plus(1, ChronoUnit.DAYS)), Actor.CLI).job().id();
        clips.rescoring(ws, clip, job);
        return new Rescoring(run, ws, video, clip, job);
    }

    private record Rescoring(String run, long ws, long video, long clip, long job) {
    }

    private long video(long ws) {
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO videos (workspace_id, title, source, storage_key, size_bytes, sha256, state, duration_ms, "
                        + "created_at, updated_at) VALUES (?, 'bounds', 'UPLOAD', 'videos/none.mp4', 1, ?, 'READY', 60000, ?, ?)")
                .params(ws, UUID.randomUUID().toString().replace("-", ""), now, now).update(keys, "id");
        return keys.getKey().longValue();
    }
}
