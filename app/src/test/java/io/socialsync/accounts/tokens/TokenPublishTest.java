package io.socialsync.accounts.tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageKey;
import io.socialsync.support.Eventually;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import tools.jackson.databind.JsonNode;

/** The hand-off to publishing: the token a publish sends is the renewed one, renewed first if it is about to end. */
class TokenPublishTest extends TokenServerTest {
    private static final String UPLOAD = "/upload/youtube/v3/videos";
    private static final Instant SLOT = Instant.parse("2030-01-07T19:00:00Z"); // inside YouTube's default window
    private static final OffsetDateTime CREATED = OffsetDateTime.of(2029, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    @Autowired Storage storage;
    private long[] video;

    @BeforeEach
    void videoAndUpload() {
        video = video(1000);
        PLATFORMS.stubFor(post(urlPathEqualTo(UPLOAD)).withQueryParam("uploadType", equalTo("resumable"))
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Location", base() + UPLOAD + "?uploadType=resumable&upload_id=UP1")));
        PLATFORMS.stubFor(put(urlPathEqualTo(UPLOAD)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"kind\":\"youtube#video\",\"id\":\"yt1\"}")));
        PLATFORMS.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).willReturn(okJson("{\"items\":[{\"id\":\"yt1\","
                + "\"status\":{\"uploadStatus\":\"processed\"},\"processingDetails\":{\"processingStatus\":"
                + "\"succeeded\"}}]}")));
    }

    private long channel(Instant expires) {
        return account(Map.of("platform", "youtube", "handle", "chan", "timezone", "UTC", "access_token",
                "ya29.stale", "refresh_token", "1//r", "token_expires_at", expires.toString(),
                "external_ids", Map.of("channel_id", "UC1")));
    }

    private void googleAnswers(String token) {
        PLATFORMS.stubFor(post(urlPathEqualTo("/token")).willReturn(okJson("{\"access_token\":\"" + token
                + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
    }

    @Test
    void theNextPublishSendsTheTokenTheSweepRenewed() {
        long account = channel(SLOT.plus(Duration.ofMinutes(5)));
        googleAnswers("ya29.fresh");
        clock.set(SLOT.minus(Duration.ofMinutes(4)));
        sweepUntil(account, "the sweep to renew the token", v -> v.hasNonNull("token_refreshed_at"));

        String id = scheduleAndFallDue(account);

        assertThat(awaitStatus(id).path("status").asString()).isEqualTo("posted");
        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo(UPLOAD))
                .withHeader("Authorization", equalTo("Bearer ya29.fresh")));
        PLATFORMS.verify(exactly(1), putRequestedFor(urlPathEqualTo(UPLOAD))
                .withHeader("Authorization", equalTo("Bearer ya29.fresh")));
        // 55 minutes were left at publish time: no second refresh
        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo("/token")));
    }

    @Test
    void aTokenAboutToExpireIsRenewedJustBeforeThePublishUsesIt() {
        long account = channel(SLOT.plus(Duration.ofMinutes(5))); // 4.5 minutes left when the post is due
        googleAnswers("ya29.just-in-time");

        String id = scheduleAndFallDue(account);

        assertThat(awaitStatus(id).path("status").asString()).isEqualTo("posted");
        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo("/token"))
                .withFormParam("refresh_token", equalTo("1//r")));
        PLATFORMS.verify(exactly(0), postRequestedFor(urlPathEqualTo(UPLOAD))
                .withHeader("Authorization", equalTo("Bearer ya29.stale")));
        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo(UPLOAD))
                .withHeader("Authorization", equalTo("Bearer ya29.just-in-time")));
        assertThat(events(account, "account_token_refreshed").get(0).path("payload").path("trigger").asString())
                .isEqualTo("publish");
    }

    @Test
    void metricsOfAPostAreReadWithATokenRenewedFirstNotWithTheExpiredOne() {
        long account = channel(SLOT.plus(Duration.ofMinutes(5)));
        googleAnswers("ya29.for-the-post");
        String id = scheduleAndFallDue(account);
        assertThat(awaitStatus(id).path("status").asString()).isEqualTo("posted");

        // an hour later the renewed token has expired too (the sweep is off here): the 1 h checkpoint renews it
        googleAnswers("ya29.for-metrics");
        clock.set(SLOT.plus(Duration.ofMinutes(62)));
        jdbc.sql("UPDATE jobs SET run_at = CURRENT_TIMESTAMP WHERE workspace_id = ? AND kind = 'INSIGHTS' "
                + "AND idempotency_key LIKE '%-1h'").param(ws).update();
        Eventually.await("the 1 h metrics job to finish", Duration.ofSeconds(30), () -> jdbc.sql("SELECT COUNT(*) "
                + "FROM jobs WHERE workspace_id = ? AND kind = 'INSIGHTS' AND state IN ('COMPLETED', 'FAILED')")
                .param(ws).query(Integer.class).single() == 1);
        PLATFORMS.verify(getRequestedFor(urlPathEqualTo("/youtube/v3/videos")).withQueryParam("part",
                equalTo("statistics")).withHeader("Authorization", equalTo("Bearer ya29.for-metrics")));
        PLATFORMS.verify(exactly(0), getRequestedFor(urlPathEqualTo("/youtube/v3/videos")).withQueryParam("part",
                equalTo("statistics")).withHeader("Authorization", equalTo("Bearer ya29.for-the-post")));
    }

    @Test
    void anExpiredTokenThatCannotBeRenewedYetMovesThePostLaterInsteadOfFailingIt() {
        long account = channel(SLOT.minus(Duration.ofMinutes(30)));
        PLATFORMS.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(500)));

        String id = scheduleAndFallDue(account);

        var deferred = awaitStatus(id);
        assertThat(deferred.path("status").asString()).isEqualTo("scheduled");
        assertThat(deferred.path("last_error").asString())
                .startsWith("the access token of @chan expired and renewing it failed for now")
                .contains("temporary problem");
        assertThat(Instant.parse(deferred.path("scheduled_for").asString())).isAfter(SLOT);
        assertThat(view(account).path("status").asString()).isEqualTo("active");
        PLATFORMS.verify(exactly(0), postRequestedFor(urlPathEqualTo(UPLOAD)));
    }

    @Test
    void aRefusedRefreshTokenFailsThePostWithTheReasonAndNeverUploads() {
        long account = channel(SLOT.plus(Duration.ofMinutes(1)));
        PLATFORMS.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}")));

        String id = scheduleAndFallDue(account);

        var failed = awaitStatus(id);
        assertThat(failed.path("status").asString()).isEqualTo("failed");
        assertThat(failed.path("last_error").asString()).startsWith("@chan needs re-authorisation (Google refused "
                + "to renew the access of YouTube channel chan: reconnect the account");
        assertThat(view(account).path("status").asString()).isEqualTo("needs_reauth");
        PLATFORMS.verify(exactly(0), postRequestedFor(urlPathEqualTo(UPLOAD)));
    }

    private String scheduleAndFallDue(long account) {
        var body = Map.of("clip_id", String.valueOf(video[0]), "variant_id", video[1], "platform", "youtube",
                "social_account_id", String.valueOf(account), "scheduled_for", SLOT.toString());
        var scheduled = api.post("/publishing/schedule", JSON.writeValueAsString(body)).json();
        assertThat(scheduled.path("status").asString()).isEqualTo("scheduled");
        clock.set(SLOT.plusSeconds(30));
        assertThat(api.post("/publishing/scheduler/tick", null).status()).isEqualTo(200);
        return scheduled.path("publish_log_id").asString();
    }

    /** Waits until the post leaves PENDING/PUBLISHING (posted, failed, or moved back to scheduled later). */
    private JsonNode awaitStatus(String id) {
        Eventually.await("publication " + id + " to settle", Duration.ofSeconds(30), () -> {
            var p = api.get("/publishing/" + id).json();
            String status = p.path("status").asString();
            return Arrays.asList("posted", "failed", "unconfirmed").contains(status)
                    || status.equals("scheduled") && Instant.parse(p.path("scheduled_for").asString()).isAfter(SLOT);
        });
        return api.get("/publishing/" + id).json();
    }

    /** A clip with one rendered YouTube variant of {@code bytes} bytes in storage: {clip, variant}. */
    private long[] video(int bytes) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO videos (workspace_id, source, storage_key, size_bytes, sha256, state, created_at, "
                        + "updated_at) VALUES (?, 'UPLOAD', 'videos/x.mp4', 1, ?, 'READY', ?, ?)")
                .params(ws, UUID.randomUUID().toString().replace("-", ""), CREATED, CREATED).update(keys, "id");
        long videoId = keys.getKey().longValue();
        keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO clips (workspace_id, video_id, rank, start_ms, end_ms, score, sub_scores, reason, "
                        + "created_at) VALUES (?, ?, 1, 0, 15000, 80, '{}', 'test clip', ?)")
                .params(ws, videoId, CREATED).update(keys, "id");
        long clip = keys.getKey().longValue();
        var key = StorageKey.of("variants/token-" + UUID.randomUUID() + ".mp4");
        storage.put(key, new ByteArrayInputStream(new byte[bytes]), bytes, "video/mp4");
        keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO variants (workspace_id, clip_id, format, preset, preset_params, seed, state, storage_key, "
                        + "size_bytes, duration_ms, width, height, created_at, updated_at) VALUES (?, ?, "
                        + "'youtube_short', 'plain', '{}', 42, 'READY', ?, ?, 15000, 1080, 1920, ?, ?)")
                .params(ws, clip, key.value(), bytes, CREATED, CREATED).update(keys, "id");
        return new long[] {clip, keys.getKey().longValue()};
    }
}
