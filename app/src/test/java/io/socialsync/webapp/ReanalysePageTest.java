package io.socialsync.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.jobs.JobQueue;
import io.socialsync.ledger.Actor;
import io.socialsync.library.AnalyseVideoHandler;
import io.socialsync.people.People;
import io.socialsync.support.ServerTest;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspaces;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** The video page's "analyse again": the same rules as POST /videos/{id}/analyse, for editors only. */
class ReanalysePageTest extends ServerTest {
    private static final String PASSWORD = "reanalyse password";
    @Autowired People people;
    @Autowired Workspaces workspaces;
    @Autowired JobQueue jobs;
    @Autowired JdbcClient jdbc;

    @Test
    void anEditorAnalysesAgainWithOtherLengthsAndBadLengthsOrAViewerChangeNothing() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long ws = workspaces.create("reanalyse " + run).id();
        people.create("editor-" + run + "@example.com", "Eda", PASSWORD, ws, Role.EDITOR, Actor.CLI);
        people.create("viewer-" + run + "@example.com", "Vic", PASSWORD, ws, Role.VIEWER, Actor.CLI);
        long video = video(ws);
        var editor = WebSession.logIn(admin.withKey(null), "editor-" + run + "@example.com", PASSWORD);
        var viewer = WebSession.logIn(admin.withKey(null), "viewer-" + run + "@example.com", PASSWORD);

        var page = editor.page("/app/videos/" + video);
        assertThat(page.body()).contains("id=\"reanalyse\"");
        String csrf = WebSession.csrf(page.body());
        var bad = editor.post("/app/videos/" + video + "/analyse", "min_length_s=9&max_length_s=4&_csrf="
                + WebSession.enc(csrf));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("min_length_s must not exceed max_length_s");
        assertThat(jobs.page(ws, null, AnalyseVideoHandler.KIND, null, 10)).isEmpty();

        var viewerPage = viewer.page("/app/videos/" + video);
        assertThat(viewerPage.body()).doesNotContain("id=\"reanalyse\"");
        var forged = viewer.post("/app/videos/" + video + "/analyse", "min_length_s=4&_csrf="
                + WebSession.enc(WebSession.csrf(viewerPage.body())));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(jobs.page(ws, null, AnalyseVideoHandler.KIND, null, 10)).isEmpty();

        var ok = editor.post("/app/videos/" + video + "/analyse", "min_length_s=4&max_length_s=8&min_count=&max_count=3"
                + "&_csrf=" + WebSession.enc(csrf));
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.location()).endsWith("/app/videos/" + video);
        var queued = jobs.page(ws, null, AnalyseVideoHandler.KIND, null, 10);
        assertThat(queued).hasSize(1);
        assertThat(AnalyseVideoHandler.JOB.payload(queued.getFirst()))
                .isEqualTo(new AnalyseVideoHandler.Payload(video, 4.0, 8.0, null, 3));
    }

    private long video(long ws) {
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO videos (workspace_id, title, source, storage_key, size_bytes, sha256, state, duration_ms, "
                        + "created_at, updated_at) VALUES (?, 'again', 'UPLOAD', 'videos/none.mp4', 1, ?, 'READY', 60000, ?, ?)")
                .params(ws, UUID.randomUUID().toString().replace("-", ""), now, now).update(keys, "id");
        return keys.getKey().longValue();
    }
}
