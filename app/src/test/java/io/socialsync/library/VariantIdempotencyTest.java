package io.socialsync.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.apikey.ApiKeyService;
import io.socialsync.jobs.JobQueue;
import io.socialsync.ledger.Actor;
import io.socialsync.support.Api;
import io.socialsync.support.IdempotencyKeyChecks;
import io.socialsync.support.ServerTest;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspaces;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** POST /clips/{id}/variants with an Idempotency-Key: a client that retries gets one render, not two. */
class VariantIdempotencyTest extends ServerTest {
    private static final String BODY = "{\"platforms\":[\"instagram_reel\",\"tiktok\"],\"seed\":7}";
    @Autowired Workspaces workspaces;
    @Autowired ApiKeyService keys;
    @Autowired Videos videos;
    @Autowired Clips clips;
    @Autowired Variants variants;
    @Autowired JobQueue jobs;
    private Api api;
    private long ws;
    private long clip;

    @BeforeEach
    void clip() {
        ws = workspaces.create("variants-" + UUID.randomUUID()).id();
        api = admin.withKey(keys.create(ws, "editor", Role.EDITOR, Actor.CLI).plainKey());
        long video = videos.insert(new Video.New(ws, Video.Source.upload, "t", null, null, "a.mp4",
                ws + "/videos/a.mp4", "video/mp4", 10, "0".repeat(64)), null, Instant.now());
        clip = clips.insert(ws, video, 1, 0, 10_000, 60, "{}", "r", null, null, Instant.now());
    }

    private Api.Response request(String key, String body) {
        var request = api.request("/clips/" + clip + "/variants").header("Content-Type", "application/json");
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return api.send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void aRepeatedRequestAnswersTheFirstOnesJobAndVariantsAndRendersNothingMore() {
        var first = request("render-once", BODY);
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        var again = request("render-once", BODY);
        assertThat(again.status()).as(again.body()).isEqualTo(202);

        assertThat(again.json().get("job_id").asLong()).isEqualTo(first.json().get("job_id").asLong());
        assertThat(again.json().get("variants").valueStream().map(v -> v.get("id").asLong()).toList())
                .hasSize(2).isEqualTo(first.json().get("variants").valueStream().map(v -> v.get("id").asLong())
                        .toList());
        assertThat(variants.ofClip(ws, clip)).hasSize(2);
        assertThat(jobs.page(ws, null, RenderVariantsHandler.KIND, null, 10)).hasSize(1);

        assertThat(request(null, BODY).json().get("job_id").asLong())
                .as("no key, no replay").isNotEqualTo(first.json().get("job_id").asLong());
        assertThat(variants.ofClip(ws, clip)).hasSize(4);
    }

    @Test
    void theSameKeyForAnotherRequestIs422AndChangesNothing() {
        IdempotencyKeyChecks.assertReplayedAndReuseRefused(IdempotencyKeyChecks.header(api, "/clips/" + clip
                + "/variants"), BODY, "{\"platforms\":[\"instagram_reel\"],\"seed\":7}",
                answer -> answer.get("job_id").asString(), () -> variants.ofClip(ws, clip).size());
        assertThat(jobs.page(ws, null, RenderVariantsHandler.KIND, null, 10)).hasSize(1);
    }

    @Test
    void aBlankOrLongKeyIsA400NamingTheHeader() {
        for (String key : new String[] {" ", "k".repeat(192)}) {
            var refused = request(key, BODY);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        }
        assertThat(request("k".repeat(191), BODY).status()).isEqualTo(202);
        assertThat(variants.ofClip(ws, clip)).hasSize(2);
    }
}
