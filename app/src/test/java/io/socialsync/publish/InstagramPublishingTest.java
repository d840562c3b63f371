package io.socialsync.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.socialsync.ledger.Actor;
import io.socialsync.publish.runs.PublishStart;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Instagram Reels against a WireMock Graph API: container → status_code → media_publish, and what goes wrong. */
class InstagramPublishingTest extends PlatformTest {
    static final String USER = "/v26.0/17841400000";
    @Autowired
    PublishStart start;
    private long account;

    @BeforeEach
    void instagramAccount() {
        account = account("instagram", Map.of("ig_user_id", "17841400000"), "IGtoken");
    }

    private void quota(int used) {
        PLATFORMS.stubFor(get(urlPathEqualTo(USER + "/content_publishing_limit")).willReturn(okJson(
                "{\"data\":[{\"quota_usage\":" + used + ",\"config\":{\"quota_total\":100,\"quota_duration\":86400}}]}")));
    }

    private void container(String status) {
        PLATFORMS.stubFor(post(urlPathEqualTo(USER + "/media")).willReturn(okJson("{\"id\":\"C1\"}")));
        PLATFORMS.stubFor(get(urlPathEqualTo("/v26.0/C1")).willReturn(okJson(status)));
    }

    private void permalink() {
        PLATFORMS.stubFor(get(urlPathEqualTo("/v26.0/M1")).willReturn(okJson(
                "{\"id\":\"M1\",\"permalink\":\"https://www.instagram.com/reel/Cabc/\"}")));
    }

    @Test
    void aReelIsContainerStatusThenMediaPublish() {
        quota(1);
        PLATFORMS.stubFor(post(urlPathEqualTo(USER + "/media")).willReturn(okJson("{\"id\":\"C1\"}")));
        PLATFORMS.stubFor(get(urlPathEqualTo("/v26.0/C1")).inScenario("processing")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("done")
                .willReturn(okJson("{\"status_code\":\"IN_PROGRESS\",\"id\":\"C1\"}")));
        PLATFORMS.stubFor(get(urlPathEqualTo("/v26.0/C1")).inScenario("processing").whenScenarioStateIs("done")
                .willReturn(okJson("{\"status_code\":\"FINISHED\",\"id\":\"C1\"}")));
        PLATFORMS.stubFor(post(urlPathEqualTo(USER + "/media_publish")).willReturn(okJson("{\"id\":\"M1\"}")));
        permalink();
        long[] video = video("instagram_reel", 200_000);
        var thumbnail = io.socialsync.storage.StorageKey.of("thumbnails/t-" + video[0] + ".jpg");
        storage.put(thumbnail, new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}), 3, "image/jpeg");
        jdbc.sql("UPDATE clips SET thumbnail_key = ? WHERE id = ?").params(thumbnail.value(), video[0]).update();
        String id = schedule("instagram", account, video, "Sunset #reels");
        fallDue();

        var posted = awaitStatus(id, "posted", "failed");
        assertThat(posted.path("status").asString()).isEqualTo("posted");
        assertThat(posted.path("external_id").asString()).isEqualTo("M1");
        assertThat(posted.path("url").asString()).isEqualTo("https://www.instagram.com/reel/Cabc/");
        assertThat(posted.path("publisher").asString()).isEqualTo("internal");
        PLATFORMS.verify(postRequestedFor(urlPathEqualTo(USER + "/media"))
                .withFormParam("media_type", equalTo("REELS"))
                .withFormParam("caption", equalTo("Sunset #reels"))
                .withFormParam("share_to_feed", equalTo("true"))
                .withFormParam("video_url", matching("http://localhost:\\d+/.+"))
                .withFormParam("cover_url", matching("http://localhost:\\d+/files/thumbnails/.+"))
                .withFormParam("access_token", equalTo("IGtoken")));
        PLATFORMS.verify(postRequestedFor(urlPathEqualTo(USER + "/media_publish"))
                .withFormParam("creation_id", equalTo("C1")));
        assertThat(events(id, "publish_started").size()).isEqualTo(1);
        assertThat(events(id, "publish_posted").get(0).path("payload").path("external_id").asString()).isEqualTo("M1");
        // write-ahead: the intent and the handle of the container and of the publish call
        assertThat(events(id, "publish_step_recorded").size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aPublishWhoseAnswerIsLostIsRecoveredFromTheContainerNeverSentTwice() {
        quota(0);
        PLATFORMS.stubFor(post(urlPathEqualTo(USER + "/media")).willReturn(okJson("{\"id\":\"C1\"}")));
        PLATFORMS.stubFor(get(urlPathEqualTo("/v26.0/C1")).inScenario("publish").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"status_code\":\"FINISHED\"}")));
        // Instagram publishes, but the answer comes after our 1 s timeout
        PLATFORMS.stubFor(post(urlPathEqualTo(USER + "/media_publish")).inScenario("publish")
                .willSetStateTo("published").willReturn(okJson("{\"id\":\"M1\"}").withFixedDelay(2500)));
        PLATFORMS.stubFor(get(urlPathEqualTo("/v26.0/C1")).inScenario("publish").whenScenarioStateIs("published")
                .willReturn(okJson("{\"status_code\":\"PUBLISHED\"}")));
        PLATFORMS.stubFor(get(urlPathEqualTo(USER + "/media")).willReturn(okJson(
                "{\"data\":[{\"id\":\"M1\",\"timestamp\":\"2030-01-07T19:00:31+0000\"}]}")));
        permalink();
        String id = schedule("instagram", account, video("instagram_reel", 100_000), "once");
        fallDue();

        var posted = awaitStatus(id, "posted", "failed", "unconfirmed");
        assertThat(posted.path("status").asString()).isEqualTo("posted");
        assertThat(posted.path("external_id").asString()).isEqualTo("M1");
        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo(USER + "/media_publish")));
        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo(USER + "/media")));
    }

    @Test
    void anExpiredTokenFailsThePostAndMarksTheAccountNeedsReauth() {
        PLATFORMS.stubFor(get(urlPathEqualTo(USER + "/content_publishing_limit")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"Error validating "
                        + "access token: Session has expired\",\"type\":\"OAuthException\",\"code\":190,"
                        + "\"error_subcode\":463}}")));
        String id = schedule("instagram", account, video("instagram_reel", 1000), null);
        fallDue();

        var failed = awaitStatus(id, "failed");
        assertThat(failed.path("last_error").asString()).startsWith("Instagram refused the access token of @creator: "
                + "reconnect the account").contains("Session has expired", "code 190");
        assertThat(accountStatus(account)).isEqualTo("needs_reauth");
        assertThat(api.get("/social-accounts/" + account).json().path("status_reason").asString())
                .contains("reconnect the account");
        PLATFORMS.verify(exactly(0), postRequestedFor(urlPathEqualTo(USER + "/media")));
    }

    @Test
    void a429WithRetryAfterReschedulesInsteadOfFailing() {
        quota(0);
        PLATFORMS.stubFor(post(urlPathEqualTo(USER + "/media")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "3600").withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Application request limit reached\",\"code\":4}}")));
        String id = schedule("instagram", account, video("instagram_reel", 1000), null);
        fallDue();

        var deferred = awaitStatus(id, "scheduled", "failed");
        assertThat(deferred.path("status").asString()).isEqualTo("scheduled");
        // now 19:00:30 + 3600 s, to the next whole second: still inside the 18-23 window
        assertThat(deferred.path("scheduled_for").asString()).isEqualTo("2030-01-07T20:00:31Z");
        assertThat(deferred.path("last_error").asString()).contains("rate-limiting", "Application request limit");
        assertThat(events(id, "publish_deferred").size()).isEqualTo(1);
        assertThat(accountStatus(account)).isEqualTo("active");
    }

    @Test
    void aContainerGraphDoesNotShowYetIsAskedAgainAndTheAccountStaysActive() {
        quota(0);
        PLATFORMS.stubFor(post(urlPathEqualTo(USER + "/media")).willReturn(okJson("{\"id\":\"C1\"}")));
        PLATFORMS.stubFor(get(urlPathEqualTo("/v26.0/C1")).inScenario("fresh").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("visible").willReturn(aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":"
                                + "\"Unsupported get request. Object with ID 'C1' does not exist, cannot be loaded due "
                                + "to missing permissions, or does not support this operation\",\"type\":"
                                + "\"GraphMethodException\",\"code\":100,\"error_subcode\":33}}")));
        PLATFORMS.stubFor(get(urlPathEqualTo("/v26.0/C1")).inScenario("fresh").whenScenarioStateIs("visible")
                .willReturn(okJson("{\"status_code\":\"FINISHED\"}")));
        PLATFORMS.stubFor(post(urlPathEqualTo(USER + "/media_publish")).willReturn(okJson("{\"id\":\"M1\"}")));
        permalink();
        String id = schedule("instagram", account, video("instagram_reel", 1000), null);
        fallDue();

        assertThat(awaitStatus(id, "posted", "failed").path("status").asString()).isEqualTo("posted");
        assertThat(accountStatus(account)).isEqualTo("active");
        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo(USER + "/media_publish")));
    }

    @Test
    void aProcessingErrorFailsWithTheReadableReason() {
        quota(0);
        container("{\"status_code\":\"ERROR\",\"status\":\"Error: Media upload has failed with error code 2207026\"}");
        String id = schedule("instagram", account, video("instagram_reel", 1000), null);
        fallDue();

        var failed = awaitStatus(id, "failed");
        assertThat(failed.path("last_error").asString()).isEqualTo("Instagram could not process the video for "
                + "@creator: Error: Media upload has failed with error code 2207026 (re-render the variant as "
                + "H.264/AAC MP4, 9:16, 3 s to 15 min)");
        PLATFORMS.verify(exactly(0), postRequestedFor(urlPathEqualTo(USER + "/media_publish")));
    }

    @Test
    void overTheRollingBudgetThePostMovesToWhenTheBudgetFrees() {
        // the budget in this context is 3 per 24 h; the oldest of three posts today was at 10:00
        for (String at : new String[] {"10:00", "11:00", "12:00"}) {
            jdbc.sql("INSERT INTO publications (workspace_id, clip_id, social_account_id, platform, state, "
                            + "scheduled_for, rules_version, scheduled_by, created_at, updated_at, posted_at) "
                            + "VALUES (?, ?, ?, 'instagram', 'POSTED', ?, 0, 'manual', ?, ?, ?)")
                    .params(ws.id(), PublishingFixtures.clip(jdbc, ws.id()), account, t(at), t(at), t(at), t(at))
                    .update();
        }
        String id = schedule("instagram", account, video("instagram_reel", 1000), null);
        fallDue();

        var deferred = awaitStatus(id, "scheduled");
        // 10:00 tomorrow frees a post; the first slot after it in the 18-23 window is 18:00
        assertThat(deferred.path("scheduled_for").asString()).isEqualTo("2030-01-08T18:00:00Z");
        assertThat(deferred.path("last_error").asString()).contains("budget of 3 posts in 24 h");
        assertThat(PLATFORMS.getAllServeEvents()).isEmpty();
    }

    @Test
    void cancelAndRescheduleWinOverAQueuedPostTheHandlerRereadsTheRow() {
        String cancelled = schedule("instagram", account, video("instagram_reel", 1000), null);
        long otherAccount = account("instagram", Map.of("ig_user_id", "17841400000"), "IGtoken");
        String moved = schedule("instagram", otherAccount, video("instagram_reel", 1000), null);
        // queued as the tick would, with jobs the workers will not reach before the test ends
        long firstJob = queue(cancelled);
        long secondJob = queue(moved);

        assertThat(api.post("/publishing/" + cancelled + "/cancel", null).json().path("status").asString())
                .isEqualTo("cancelled");
        assertThat(api.post("/publishing/" + moved + "/reschedule", PublishingFixtures.json(Map.of(
                "scheduled_for", "2030-01-08T19:00:00Z"))).status()).isEqualTo(200);
        // a worker that had already claimed those jobs re-reads the rows and does nothing
        assertThat(start.begin(ws.id(), Long.parseLong(cancelled), firstJob, Actor.SYSTEM))
                .isEqualTo(new PublishStart.Skip("cancelled"));
        assertThat(start.begin(ws.id(), Long.parseLong(moved), secondJob, Actor.SYSTEM))
                .isEqualTo(new PublishStart.Skip("scheduled"));
        assertThat(PLATFORMS.getAllServeEvents()).isEmpty();
    }

    @Test
    void aWorkerKilledRightAfterMediaPublishIsRecoveredByTheWatchdogWithoutPublishingAgain() {
        String id = schedule("instagram", account, video("instagram_reel", 1000), null);
        long job = queue(id);
        // the state a worker leaves when it dies after sending media_publish and before recording the answer
        jdbc.sql("UPDATE jobs SET state = 'FAILED' WHERE id = ?").param(job).update();
        jdbc.sql("UPDATE publications SET state = 'PUBLISHING', publish_step = 'media_publish', attempt_intent_at = ?, "
                        + "remote_handles = '{\"container_id\":\"C1\"}' WHERE id = ?")
                .params(java.time.OffsetDateTime.parse("2030-01-07T08:00:00Z"), Long.parseLong(id)).update();
        PLATFORMS.stubFor(get(urlPathEqualTo("/v26.0/C1")).willReturn(okJson("{\"status_code\":\"PUBLISHED\"}")));
        PLATFORMS.stubFor(get(urlPathEqualTo(USER + "/media")).willReturn(okJson(
                "{\"data\":[{\"id\":\"M1\",\"timestamp\":\"2030-01-07T08:00:05+0000\"}]}")));
        permalink();

        assertThat(watchdog.rearm(ws.id())).isEqualTo(1);
        var posted = awaitStatus(id, "posted", "failed", "unconfirmed");
        assertThat(posted.path("status").asString()).isEqualTo("posted");
        assertThat(posted.path("external_id").asString()).isEqualTo("M1");
        assertThat(events(id, "publish_rearmed").size()).isEqualTo(1);
        PLATFORMS.verify(exactly(0), postRequestedFor(urlPathEqualTo(USER + "/media_publish")));
        PLATFORMS.verify(exactly(0), postRequestedFor(urlPathEqualTo(USER + "/media")));
        assertThat(watchdog.rearm(ws.id())).isZero();
    }

    @Test
    void anOutcomeThatStaysUnknownEndsUnconfirmedNeverRepublished() {
        quota(0);
        container("{\"status_code\":\"FINISHED\"}"); // never turns PUBLISHED: Instagram will not say
        PLATFORMS.stubFor(post(urlPathEqualTo(USER + "/media_publish")).willReturn(okJson("{\"id\":\"M1\"}")
                .withFixedDelay(2500)));
        String id = schedule("instagram", account, video("instagram_reel", 1000), null);
        fallDue();

        var unconfirmed = awaitStatus(id, "unconfirmed", "posted", "failed");
        assertThat(unconfirmed.path("status").asString()).isEqualTo("unconfirmed");
        assertThat(unconfirmed.path("last_error").asString()).contains("could not confirm", "will not be posted again");
        assertThat(events(id, "publish_unconfirmed").size()).isEqualTo(1);
        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo(USER + "/media_publish")));
        // a person who checked Instagram settles it
        var settled = api.post("/publishing/" + id + "/posted", PublishingFixtures.json(Map.of("external_id", "M1")));
        assertThat(settled.json().path("status").asString()).isEqualTo("posted");
    }

    private static java.time.OffsetDateTime t(String hhmm) {
        return java.time.OffsetDateTime.parse("2030-01-07T" + hhmm + ":00Z");
    }
}
