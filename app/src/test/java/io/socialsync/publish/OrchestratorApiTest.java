package io.socialsync.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The external orchestrator: claims under a lease, idempotent reports, the Stakazo alias. */
class OrchestratorApiTest extends PlatformTest {
    private long account;

    @BeforeEach
    void accountWithoutTokens() {
        // no access token: an orchestrator posts for this account
        account = account("tiktok", Map.of(), null);
        assertThat(api.post("/rules", PublishingFixtures.json(Map.of("rules", Map.of("tiktok", Map.of(
                "window_start_hour", 0, "window_end_hour", 24, "min_gap_minutes", 0))))).status()).isEqualTo(201);
    }

    private List<String> due(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(schedule("tiktok", account, video("tiktok", 2000), "post " + i));
        }
        fallDue();
        return ids;
    }

    private JsonNode next(String query) {
        var r = api.get("/publishing/next" + query);
        return r.status() == 204 ? null : r.json();
    }

    @Test
    void concurrentCallersNeverGetTheSamePublication() throws Exception {
        var ids = due(12);
        assertThat(publication(ids.get(0)).path("status").asString()).isEqualTo("pending");
        assertThat(publication(ids.get(0)).path("publisher").asString()).isEqualTo("external");
        assertThat(publication(ids.get(0)).path("job_id").isNull()).isTrue();
        var pool = Executors.newFixedThreadPool(6);
        var go = new CountDownLatch(1);
        List<String> handed = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Void>> callers = Collections.nCopies(6, () -> {
            go.await();
            for (JsonNode claim = next("?platform=tiktok"); claim != null; claim = next("?platform=tiktok")) {
                handed.add(claim.path("publication_id").asString());
            }
            return null;
        });
        var futures = callers.stream().map(pool::submit).toList();
        go.countDown();
        for (var f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(handed).hasSize(12).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        assertThat(publication(ids.get(3)).path("status").asString()).isEqualTo("publishing");
        assertThat(api.get("/publishing/next?platform=instagram").status()).isEqualTo(204);
    }

    @Test
    void aClaimCarriesWhatAPosterNeedsAndAnExpiredLeaseReturnsIt() {
        String id = due(1).get(0);
        var claim = next("?lease_seconds=60");
        assertThat(claim.path("publication_id").asString()).isEqualTo(id);
        assertThat(claim.path("platform").asString()).isEqualTo("tiktok");
        assertThat(claim.path("caption").asString()).isEqualTo("post 0");
        assertThat(claim.path("social_account").path("handle").asString()).isEqualTo("creator");
        assertThat(claim.path("video_size_bytes").asLong()).isEqualTo(2000);
        String url = claim.path("video_url").asString();
        var video = anonymous().get(url.substring(url.indexOf("/files/")));
        assertThat(video.status()).isEqualTo(200); // signed: no API key needed
        assertThat(next("")).isNull(); // leased: nobody else gets it

        clock.advance(Duration.ofSeconds(61));
        var again = next("");
        assertThat(again.path("publication_id").asString()).isEqualTo(id);
        assertThat(again.path("lease_token").asString()).isNotEqualTo(claim.path("lease_token").asString());
        // the first claimer, lease lost, cannot release the second's claim
        var stale = api.post("/publishing/" + id + "/failed", PublishingFixtures.json(Map.of("reason", "timeout",
                "retry", true, "lease_token", claim.path("lease_token").asString())));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("detail").asString()).startsWith("lease lost");
    }

    @Test
    void reportsAreIdempotentAndADifferentSecondPostIsRefused() {
        var ids = due(2);
        var claim = next("");
        String id = claim.path("publication_id").asString();
        String body = PublishingFixtures.json(Map.of("external_id", "7301", "url", "https://www.tiktok.com/@c/video/7301",
                "lease_token", claim.path("lease_token").asString()));
        var first = api.post("/publishing/" + id + "/posted", body);
        var second = api.post("/publishing/" + id + "/posted", body);
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("status").asString()).isEqualTo("posted");
        assertThat(second.json().toString()).isEqualTo(first.json().toString());
        assertThat(api.post("/publishing/" + id + "/posted", PublishingFixtures.json(Map.of("external_id", "9999")))
                .status()).isEqualTo(409);
        assertThat(api.post("/publishing/" + id + "/failed", "{}").status()).isEqualTo(409);
        assertThat(events(id, "publish_posted").size()).isEqualTo(1);

        String other = ids.get(0).equals(id) ? ids.get(1) : ids.get(0);
        var claimed = next("");
        assertThat(claimed.path("publication_id").asString()).isEqualTo(other);
        String retry = PublishingFixtures.json(Map.of("reason", "upload timed out", "retry", true));
        assertThat(api.post("/publishing/" + other + "/failed", retry).json().path("status").asString())
                .isEqualTo("pending");
        assertThat(api.post("/publishing/" + other + "/failed", retry).json().path("status").asString())
                .isEqualTo("pending");
        assertThat(next("").path("publication_id").asString()).isEqualTo(other); // handed out again
        String fail = PublishingFixtures.json(Map.of("reason", "account banned"));
        var failed = api.post("/publishing/" + other + "/failed", fail);
        assertThat(failed.json().path("status").asString()).isEqualTo("failed");
        assertThat(failed.json().path("last_error").asString()).isEqualTo("account banned");
        assertThat(api.post("/publishing/" + other + "/failed", fail).json().toString())
                .isEqualTo(failed.json().toString());
    }

    @Test
    void confirmPublishIsTheSeedsAlias() {
        String id = due(1).get(0);
        next("");
        var confirmed = api.post("/confirm_publish", PublishingFixtures.json(Map.of("publish_log_id", id,
                "post_id", "7302", "post_url", "https://www.tiktok.com/@c/video/7302")));
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asString()).isEqualTo("posted");
        assertThat(publication(id).path("external_id").asString()).isEqualTo("7302");
        assertThat(api.post("/confirm_publish", PublishingFixtures.json(Map.of("publish_log_id", "nope")))
                .status()).isEqualTo(400);
    }

    @Test
    void aRequestCanSendAPostToTheOrchestratorEvenWhenTheAccountHasATokenAndSeeTheResultOnThePublication() {
        long withToken = account("tiktok", Map.of(), "TTtoken");
        long[] video = video("tiktok", 500);
        var body = new java.util.HashMap<String, Object>(Map.of("clip_id", String.valueOf(video[0]), "platform", "tiktok",
                "social_account_id", String.valueOf(withToken), "scheduled_for", SLOT, "publisher", "external"));
        String id = PublishingFixtures.schedule(api, body).path("publish_log_id").asString();
        body.put("publisher", "robot");
        assertThat(api.post("/publishing/schedule", PublishingFixtures.json(body)).status()).isEqualTo(400);
        fallDue();

        var claim = next("");
        assertThat(claim.path("publication_id").asString()).isEqualTo(id);
        assertThat(claim.path("variant_id").asString()).isEqualTo(String.valueOf(video[1])); // the clip's tiktok variant
        api.post("/publishing/" + id + "/posted", PublishingFixtures.json(Map.of("external_id", "7400", "url", "u")));
        var listed = api.get("/publishing/schedule/" + video[0]).json().get(0);
        assertThat(listed.path("external_id").asString()).isEqualTo("7400");
        assertThat(listed.path("publisher").asString()).isEqualTo("external");
        assertThat(PLATFORMS.getAllServeEvents()).isEmpty(); // SocialSync itself never called TikTok
    }
}
