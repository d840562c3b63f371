package io.socialsync.insights;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.socialsync.apikey.ApiKeyService;
import io.socialsync.db.Timestamps;
import io.socialsync.ledger.Actor;
import io.socialsync.platforms.PlatformResponses;
import io.socialsync.publish.PlatformTest;
import io.socialsync.support.Api;
import io.socialsync.support.Eventually;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspaces;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posted publications get INSIGHTS jobs at 1 h, 24 h and 7 days, whichever way they were posted, and each job
 * stores what the platform (WireMock, documented shapes) reports; the series is served per publication.
 *
 * <p>Jobs fall due by the database's clock (node clocks are never compared), while posting times come from the
 * injected clock the test moves. {@link #runDue} bridges the two: it makes due now exactly the INSIGHTS jobs whose
 * {@code run_at} the test's clock has reached, and no others.
 */
class InsightsServerTest extends PlatformTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String IG_USER = "/v26.0/17841400000";
    @Autowired
    Workspaces workspaces;
    @Autowired
    ApiKeyService keys;

    record JobRow(String key, String state, Instant runAt, int attempt, String lastError, String result) {
    }

    private List<JobRow> insightsJobs() {
        return jdbc.sql("SELECT idempotency_key, state, run_at, attempt, last_error, result FROM jobs "
                        + "WHERE workspace_id = ? AND kind = 'INSIGHTS' ORDER BY run_at, id")
                .param(ws.id()).query((rs, n) -> new JobRow(rs.getString(1), rs.getString(2),
                        Timestamps.instant(rs, 3), rs.getInt(4), rs.getString(5), rs.getString(6))).list();
    }

    private JobRow job(String publication, String checkpoint) {
        String key = "insights-" + publication + "-" + checkpoint;
        return insightsJobs().stream().filter(j -> j.key().equals(key)).findFirst().orElseThrow();
    }

    private JobRow awaitJob(String publication, String checkpoint, String state) {
        Eventually.await("INSIGHTS " + checkpoint + " of " + publication + " to be " + state, Duration.ofSeconds(30),
                () -> job(publication, checkpoint).state().equals(state));
        return job(publication, checkpoint);
    }

    /** Makes due now the INSIGHTS jobs of this workspace whose run_at the test's clock has reached. */
    private int runDue() {
        return jdbc.sql("UPDATE jobs SET run_at = CURRENT_TIMESTAMP WHERE workspace_id = ? AND kind = 'INSIGHTS' "
                        + "AND state IN ('SCHEDULED', 'AVAILABLE') AND run_at <= ?")
                .params(ws.id(), Timestamps.utc(clock.instant())).update();
    }

    private JsonNode metrics(String publication) {
        var response = api.get("/publications/" + publication + "/metrics");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private JsonNode awaitCollections(String publication, int n) {
        Eventually.await(n + " collection(s) of " + publication, Duration.ofSeconds(30),
                () -> metrics(publication).path("collections").size() >= n);
        return metrics(publication).path("collections");
    }

    private Instant postedAt(String publication) {
        return Instant.parse(publication(publication).path("posted_at").asString());
    }

    /** An external post (an orchestrator posts it), reported posted with the platform's id. */
    private String postedByOrchestrator(String platform, String format, long account, String externalId) {
        long[] video = video(format, 2000);
        var body = Map.of("clip_id", String.valueOf(video[0]), "variant_id", video[1], "platform", platform,
                "social_account_id", String.valueOf(account), "scheduled_for", SLOT, "publisher", "external");
        var scheduled = api.post("/publishing/schedule", JSON.writeValueAsString(body)).json();
        assertThat(scheduled.path("status").asString()).isEqualTo("scheduled");
        String id = scheduled.path("publish_log_id").asString();
        fallDue();
        assertThat(report(id, externalId).status()).isEqualTo(200);
        assertThat(publication(id).path("status").asString()).isEqualTo("posted");
        return id;
    }

    private Api.Response report(String id, String externalId) {
        return api.post("/publishing/" + id + "/posted", JSON.writeValueAsString(Map.of("external_id", externalId)));
    }

    private void instagramInsights(String mediaId, int status, String body) {
        PLATFORMS.stubFor(get(urlPathEqualTo("/v26.0/" + mediaId + "/insights")).willReturn(aResponse()
                .withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private void instagramPublishes(String mediaId) {
        PLATFORMS.stubFor(get(urlPathEqualTo(IG_USER + "/content_publishing_limit")).willReturn(okJson(
                "{\"data\":[{\"quota_usage\":0,\"config\":{\"quota_total\":100,\"quota_duration\":86400}}]}")));
        PLATFORMS.stubFor(post(urlPathEqualTo(IG_USER + "/media")).willReturn(okJson("{\"id\":\"C1\"}")));
        PLATFORMS.stubFor(get(urlPathEqualTo("/v26.0/C1")).willReturn(okJson("{\"status_code\":\"FINISHED\"}")));
        PLATFORMS.stubFor(post(urlPathEqualTo(IG_USER + "/media_publish"))
                .willReturn(okJson("{\"id\":\"" + mediaId + "\"}")));
        PLATFORMS.stubFor(get(urlPathEqualTo("/v26.0/" + mediaId)).willReturn(okJson(
                "{\"id\":\"" + mediaId + "\",\"permalink\":\"https://www.instagram.com/reel/Cabc/\"}")));
    }

    private long instagramAccount() {
        return account("instagram", Map.of("ig_user_id", "17841400000"), "IGtoken");
    }

    @Test
    void aReelPostedBySocialSyncIsMeasuredAtOneHourThenTwentyFourHours() {
        long account = instagramAccount();
        instagramPublishes("M1");
        String id = schedule("instagram", account, video("instagram_reel", 100_000), "measured");
        fallDue();
        assertThat(awaitStatus(id, "posted", "failed").path("status").asString()).isEqualTo("posted");
        Instant posted = postedAt(id);

        var jobs = insightsJobs();
        assertThat(jobs).extracting(JobRow::key).containsExactly("insights-" + id + "-1h", "insights-" + id + "-24h",
                "insights-" + id + "-7d");
        assertThat(jobs).extracting(JobRow::runAt).containsExactly(posted.plus(Duration.ofHours(1)),
                posted.plus(Duration.ofHours(24)), posted.plus(Duration.ofDays(7)));
        assertThat(jobs).extracting(JobRow::state).containsOnly("SCHEDULED");
        assertThat(metrics(id).path("collections").size()).isZero();

        instagramInsights("M1", 200, PlatformResponses.instagramReel("M1", 1532));
        clock.set(posted.plus(Duration.ofMinutes(59)));
        assertThat(runDue()).isZero();
        clock.set(posted.plus(Duration.ofHours(1)));
        assertThat(runDue()).isEqualTo(1);

        var first = awaitCollections(id, 1).get(0);
        assertThat(first.path("checkpoint").asString()).isEqualTo("1h");
        assertThat(first.path("status").asString()).isEqualTo("collected");
        assertThat(Instant.parse(first.path("collected_at").asString())).isEqualTo(posted.plus(Duration.ofHours(1)));
        assertThat(first.path("metrics").path("views").asLong()).isEqualTo(1532);
        assertThat(first.path("metrics").path("saves").asLong()).isEqualTo(40);
        assertThat(first.path("metrics").path("avg_watch_time_ms").asDouble()).isEqualTo(5821.5);
        assertThat(first.path("platform_metrics").path("saved").asLong()).isEqualTo(40);
        assertThat(first.path("platform_metrics").path("ig_reels_video_view_total_time").asLong()).isEqualTo(8912345);
        var served = metrics(id);
        assertThat(served.path("external_id").asString()).isEqualTo("M1");
        assertThat(served.path("platform").asString()).isEqualTo("instagram");
        assertThat(awaitJob(id, "1h", "COMPLETED").attempt()).isEqualTo(1);
        assertThat(job(id, "24h").state()).isEqualTo("SCHEDULED");
        var collected = events(id, "metrics_collected");
        assertThat(collected.size()).isEqualTo(1);
        assertThat(collected.get(0).path("payload").path("checkpoint").asString()).isEqualTo("1h");
        assertThat(collected.get(0).path("payload").path("metrics").path("views").asDouble()).isEqualTo(1532.0);

        instagramInsights("M1", 200, PlatformResponses.instagramReel("M1", 20_480));
        clock.set(posted.plus(Duration.ofHours(24)));
        assertThat(runDue()).isEqualTo(1);
        var series = awaitCollections(id, 2);
        assertThat(series.get(0).path("metrics").path("views").asLong()).isEqualTo(1532);
        assertThat(series.get(1).path("checkpoint").asString()).isEqualTo("24h");
        assertThat(series.get(1).path("metrics").path("views").asLong()).isEqualTo(20_480);
        assertThat(job(id, "7d").state()).isEqualTo("SCHEDULED");
    }

    @Test
    void repeatedPostedReportsQueueEachCheckpointOnce() {
        long account = account("tiktok", Map.of(), "act.1");
        String id = postedByOrchestrator("tiktok", "tiktok", account, "7301234567890123456");
        assertThat(report(id, "7301234567890123456").status()).isEqualTo(200);
        assertThat(api.post("/confirm_publish", JSON.writeValueAsString(Map.of("publication_id", id,
                "external_id", "7301234567890123456"))).status()).isEqualTo(200);
        assertThat(insightsJobs()).hasSize(3).extracting(JobRow::key).doesNotHaveDuplicates();
        assertThat(events(id, "publish_posted").size()).isEqualTo(1);

        PLATFORMS.stubFor(post(urlPathEqualTo("/v2/video/query/"))
                .willReturn(okJson(PlatformResponses.tiktokVideos("7301234567890123456", 20_400))));
        clock.set(postedAt(id).plus(Duration.ofHours(1)));
        assertThat(runDue()).isEqualTo(1);

        var first = awaitCollections(id, 1).get(0);
        assertThat(first.path("metrics").path("views").asLong()).isEqualTo(20_400);
        assertThat(first.path("metrics").path("shares").asLong()).isEqualTo(71);
        assertThat(first.path("platform_metrics").path("view_count").asLong()).isEqualTo(20_400);
        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo("/v2/video/query/")));
    }

    @Test
    void youTubeAndFacebookPostsAreMeasuredToo() {
        String youtube = postedByOrchestrator("youtube", "youtube_short", account("youtube", Map.of(), "ya29.x"),
                "dQw4w9WgXcQ");
        String facebook = postedByOrchestrator("facebook", "facebook", account("facebook", Map.of("page_id", "42"),
                "PAGEtoken"), "555");
        PLATFORMS.stubFor(get(urlPathEqualTo("/youtube/v3/videos"))
                .willReturn(okJson(PlatformResponses.youtubeVideo("dQw4w9WgXcQ", 1523))));
        PLATFORMS.stubFor(get(urlPathEqualTo("/v26.0/555/video_insights"))
                .willReturn(okJson(PlatformResponses.facebookReel("555"))));
        clock.set(postedAt(facebook).plus(Duration.ofHours(1)));
        assertThat(runDue()).isEqualTo(2);

        var yt = awaitCollections(youtube, 1).get(0);
        assertThat(yt.path("metrics").path("views").asLong()).isEqualTo(1523);
        assertThat(yt.path("platform_metrics").path("favoriteCount").asLong()).isZero();
        var fb = awaitCollections(facebook, 1).get(0);
        assertThat(fb.path("metrics").path("views").asLong()).isEqualTo(950);
        assertThat(fb.path("metrics").path("comments").asLong()).isEqualTo(9);
        assertThat(fb.path("platform_metrics").path("post_video_likes_by_reaction_type.REACTION_LOVE").asLong())
                .isEqualTo(8);
    }

    @Test
    void anExpiredTokenMarksTheAccountNeedsReauthAndFailsWithoutRetry() {
        long account = instagramAccount();
        String id = postedByOrchestrator("instagram", "instagram_reel", account, "M9");
        instagramInsights("M9", 400, PlatformResponses.graphError(190, 463,
                "Error validating access token: Session has expired on Sunday"));
        clock.set(postedAt(id).plus(Duration.ofHours(1)));
        assertThat(runDue()).isEqualTo(1);

        var failed = awaitJob(id, "1h", "FAILED");
        assertThat(failed.attempt()).isEqualTo(1);
        assertThat(failed.lastError()).contains("refused the access token of @creator");
        assertThat(accountStatus(account)).isEqualTo("needs_reauth");
        assertThat(metrics(id).path("collections").size()).isZero();

        // the next checkpoint does not ask with a token known to be dead
        clock.set(postedAt(id).plus(Duration.ofHours(24)));
        assertThat(runDue()).isEqualTo(1);
        assertThat(awaitJob(id, "24h", "FAILED").lastError()).contains("needs re-authorisation");
        PLATFORMS.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v26.0/M9/insights")));
    }

    @Test
    void aRateLimitIsRetriedWithTheJobsBackoff() {
        String id = postedByOrchestrator("instagram", "instagram_reel", instagramAccount(), "M5");
        PLATFORMS.stubFor(get(urlPathEqualTo("/v26.0/M5/insights")).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("calm").willReturn(aResponse().withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withBody(PlatformResponses.graphError(4, null, "Application request limit reached"))));
        PLATFORMS.stubFor(get(urlPathEqualTo("/v26.0/M5/insights")).inScenario("limit").whenScenarioStateIs("calm")
                .willReturn(okJson(PlatformResponses.instagramReel("M5", 77))));
        clock.set(postedAt(id).plus(Duration.ofHours(1)));
        assertThat(runDue()).isEqualTo(1);

        assertThat(awaitCollections(id, 1).get(0).path("metrics").path("views").asLong()).isEqualTo(77);
        assertThat(awaitJob(id, "1h", "COMPLETED").attempt()).isEqualTo(2);
        PLATFORMS.verify(exactly(2), getRequestedFor(urlPathEqualTo("/v26.0/M5/insights")));
        assertThat(events(id, "metrics_collected").size()).isEqualTo(1);
    }

    @Test
    void aDeletedPostIsRecordedGoneAndLaterCheckpointsEndWithoutAsking() {
        String id = postedByOrchestrator("instagram", "instagram_reel", instagramAccount(), "M7");
        instagramInsights("M7", 400, PlatformResponses.graphError(100, 33, "Unsupported get request. Object with "
                + "ID 'M7' does not exist, cannot be loaded due to missing permissions, or does not support this "
                + "operation"));
        clock.set(postedAt(id).plus(Duration.ofHours(1)));
        assertThat(runDue()).isEqualTo(1);

        var gone = awaitCollections(id, 1).get(0);
        assertThat(gone.path("status").asString()).isEqualTo("gone");
        assertThat(gone.path("detail").asString()).contains("M7 no longer exists");
        assertThat(gone.path("metrics").size()).isZero();
        assertThat(awaitJob(id, "1h", "COMPLETED").attempt()).isEqualTo(1);
        assertThat(events(id, "metrics_post_gone").size()).isEqualTo(1);

        clock.set(postedAt(id).plus(Duration.ofDays(7)));
        assertThat(runDue()).isEqualTo(2);
        assertThat(awaitJob(id, "24h", "COMPLETED").result()).contains("deleted");
        assertThat(awaitJob(id, "7d", "COMPLETED").result()).contains("deleted");
        PLATFORMS.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v26.0/M7/insights")));
        assertThat(metrics(id).path("collections").size()).isEqualTo(1);
    }

    @Test
    void anotherWorkspacesPublicationIsNotFound() {
        String id = postedByOrchestrator("tiktok", "tiktok", account("tiktok", Map.of(), "act.2"), "7301");
        long other = workspaces.create("other-" + java.util.UUID.randomUUID()).id();
        var stranger = api.withKey(keys.create(other, "other", Role.ADMIN, Actor.SYSTEM).plainKey());

        assertThat(stranger.get("/publications/" + id + "/metrics").status()).isEqualTo(404);
        assertThat(api.get("/publications/999999999/metrics").status()).isEqualTo(404);
        assertThat(api.get("/publications/" + id + "/metrics").status()).isEqualTo(200);
    }
}
