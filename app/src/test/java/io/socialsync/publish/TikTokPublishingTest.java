package io.socialsync.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TikTok Direct Post (FILE_UPLOAD) against WireMock: creator info → init → chunked PUT → status/fetch. */
class TikTokPublishingTest extends PlatformTest {
    static final int MIB = 1024 * 1024;
    static final String UPLOAD = "/upload/tiktok/abc";
    private long account;

    @BeforeEach
    void tiktokAccount() {
        account = account("tiktok", Map.of("open_id", "open-1"), "TTtoken");
    }

    private void creatorAndInit() {
        PLATFORMS.stubFor(post(urlPathEqualTo("/v2/post/publish/creator_info/query/")).willReturn(okJson(
                "{\"data\":{\"creator_username\":\"creator\",\"creator_nickname\":\"C\",\"privacy_level_options\":"
                        + "[\"PUBLIC_TO_EVERYONE\",\"SELF_ONLY\"],\"comment_disabled\":false,\"duet_disabled\":false,"
                        + "\"stitch_disabled\":true,\"max_video_post_duration_sec\":600},"
                        + "\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"l1\"}}")));
        PLATFORMS.stubFor(post(urlPathEqualTo("/v2/post/publish/video/init/")).willReturn(okJson(
                "{\"data\":{\"publish_id\":\"v_pub_file~v2-1.7\",\"upload_url\":\"" + base() + UPLOAD + "\"},"
                        + "\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"l2\"}}")));
    }

    private void status(String json) {
        PLATFORMS.stubFor(post(urlPathEqualTo("/v2/post/publish/status/fetch/")).willReturn(okJson(json)));
    }

    private static String complete() {
        return "{\"data\":{\"status\":\"PUBLISH_COMPLETE\",\"publicaly_available_post_id\":[7300000000000000001],"
                + "\"uploaded_bytes\":11534336},\"error\":{\"code\":\"ok\"}}";
    }

    @Test
    void elevenMebibytesGoAsTwoChunksTheLastTakingTheRemainder() {
        creatorAndInit();
        PLATFORMS.stubFor(put(urlPathEqualTo(UPLOAD)).withHeader("Content-Range", equalTo("bytes 0-5242879/11534336"))
                .willReturn(aResponse().withStatus(206).withHeader("Content-Range", "bytes 0-5242879/11534336")));
        PLATFORMS.stubFor(put(urlPathEqualTo(UPLOAD))
                .withHeader("Content-Range", equalTo("bytes 5242880-11534335/11534336"))
                .willReturn(aResponse().withStatus(201)));
        PLATFORMS.stubFor(post(urlPathEqualTo("/v2/post/publish/status/fetch/")).inScenario("moderation")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("done").willReturn(okJson(
                        "{\"data\":{\"status\":\"PROCESSING_UPLOAD\"},\"error\":{\"code\":\"ok\"}}")));
        PLATFORMS.stubFor(post(urlPathEqualTo("/v2/post/publish/status/fetch/")).inScenario("moderation")
                .whenScenarioStateIs("done").willReturn(okJson(complete())));
        String id = schedule("tiktok", account, video("tiktok", 11 * MIB), "dance");
        fallDue();

        var posted = awaitStatus(id, "posted", "failed", "unconfirmed");
        assertThat(posted.path("status").asString()).isEqualTo("posted");
        assertThat(posted.path("external_id").asString()).isEqualTo("7300000000000000001");
        assertThat(posted.path("url").asString()).isEqualTo("https://www.tiktok.com/@creator/video/7300000000000000001");
        PLATFORMS.verify(postRequestedFor(urlPathEqualTo("/v2/post/publish/video/init/"))
                .withHeader("Authorization", equalTo("Bearer TTtoken"))
                .withRequestBody(matchingJsonPath("$.source_info.source", equalTo("FILE_UPLOAD")))
                .withRequestBody(matchingJsonPath("$.source_info.video_size", equalTo("11534336")))
                .withRequestBody(matchingJsonPath("$.source_info.chunk_size", equalTo("5242880")))
                .withRequestBody(matchingJsonPath("$.source_info.total_chunk_count", equalTo("2")))
                .withRequestBody(matchingJsonPath("$.post_info.privacy_level", equalTo("PUBLIC_TO_EVERYONE")))
                .withRequestBody(matchingJsonPath("$.post_info.title", equalTo("dance")))
                .withRequestBody(matchingJsonPath("$.post_info.disable_stitch", equalTo("true"))));
        var last = PLATFORMS.findAll(putRequestedFor(urlPathEqualTo(UPLOAD))
                .withHeader("Content-Range", equalTo("bytes 5242880-11534335/11534336")));
        assertThat(last).hasSize(1);
        assertThat(last.get(0).getBody()).hasSize(11 * MIB - 5 * MIB);
        PLATFORMS.verify(postRequestedFor(urlPathEqualTo("/v2/post/publish/status/fetch/"))
                .withRequestBody(equalToJson("{\"publish_id\":\"v_pub_file~v2-1.7\"}")));
    }

    @Test
    void aFinalChunkWhoseAnswerIsLostIsSettledByStatusFetchNotResent() {
        creatorAndInit();
        PLATFORMS.stubFor(put(urlPathEqualTo(UPLOAD)).willReturn(aResponse().withStatus(201).withFixedDelay(3000)));
        status(complete());
        String id = schedule("tiktok", account, video("tiktok", 1_000_000), "once");
        fallDue();

        var posted = awaitStatus(id, "posted", "failed", "unconfirmed");
        assertThat(posted.path("status").asString()).isEqualTo("posted");
        PLATFORMS.verify(exactly(1), putRequestedFor(urlPathEqualTo(UPLOAD)));
        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo("/v2/post/publish/video/init/")));
    }

    @Test
    void aServerErrorOnAChunkIsRetriedByTheNextAttemptFromTheRecordedOffset() {
        creatorAndInit();
        PLATFORMS.stubFor(put(urlPathEqualTo(UPLOAD)).withHeader("Content-Range", equalTo("bytes 0-5242879/11534336"))
                .willReturn(aResponse().withStatus(206)));
        String last = "bytes 5242880-11534335/11534336";
        PLATFORMS.stubFor(put(urlPathEqualTo(UPLOAD)).withHeader("Content-Range", equalTo(last)).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(503)));
        PLATFORMS.stubFor(put(urlPathEqualTo(UPLOAD)).withHeader("Content-Range", equalTo(last)).inScenario("flaky")
                .whenScenarioStateIs("recovered").willReturn(aResponse().withStatus(201)));
        status(complete());
        String id = schedule("tiktok", account, video("tiktok", 11 * MIB), null);
        fallDue();

        assertThat(awaitStatus(id, "posted", "failed", "unconfirmed").path("status").asString()).isEqualTo("posted");
        // the first chunk was not sent again: the journal said 5 MiB had arrived; a 503 is "send this chunk again"
        PLATFORMS.verify(exactly(1), putRequestedFor(urlPathEqualTo(UPLOAD))
                .withHeader("Content-Range", equalTo("bytes 0-5242879/11534336")));
        PLATFORMS.verify(exactly(2), putRequestedFor(urlPathEqualTo(UPLOAD)).withHeader("Content-Range", equalTo(last)));
        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo("/v2/post/publish/video/init/")));
    }

    @Test
    void anInvalidTokenMarksTheAccountNeedsReauth() {
        PLATFORMS.stubFor(post(urlPathEqualTo("/v2/post/publish/creator_info/query/")).willReturn(aResponse()
                .withStatus(401).withHeader("Content-Type", "application/json").withBody("{\"data\":{},\"error\":"
                        + "{\"code\":\"access_token_invalid\",\"message\":\"The access token is invalid or not "
                        + "found in the request.\",\"log_id\":\"l3\"}}")));
        String id = schedule("tiktok", account, video("tiktok", 1000), null);
        fallDue();

        assertThat(awaitStatus(id, "failed").path("last_error").asString())
                .startsWith("TikTok refused the access token of @creator: reconnect the account");
        assertThat(accountStatus(account)).isEqualTo("needs_reauth");
    }

    @Test
    void theWatchdogGivingUpOnADeliveredPostLeavesItUnconfirmedNeverFailed() {
        String id = schedule("tiktok", account, video("tiktok", 1000), null);
        // a worker died after TikTok took every byte (no call open), and kept dying
        killedWorker(id, "final_chunk", false, "{\"publish_id\":\"v_pub_file~1\",\"upload_url\":\"" + base()
                + UPLOAD + "\",\"uploaded_bytes\":\"1000\",\"delivered\":\"true\"}");
        jdbc.sql("UPDATE publications SET recovery_tries = 3 WHERE id = ?").param(Long.parseLong(id)).update();

        watchdog.rearm(ws.id());
        assertThat(publication(id).path("status").asString()).isEqualTo("unconfirmed");
        assertThat(PLATFORMS.getAllServeEvents()).isEmpty();
    }

    @Test
    void aProcessingFailureIsASentenceNotACode() {
        creatorAndInit();
        PLATFORMS.stubFor(put(urlPathEqualTo(UPLOAD)).willReturn(aResponse().withStatus(201)));
        status("{\"data\":{\"status\":\"FAILED\",\"fail_reason\":\"file_format_check_failed\"},"
                + "\"error\":{\"code\":\"ok\"}}");
        String id = schedule("tiktok", account, video("tiktok", 1000), null);
        fallDue();

        assertThat(awaitStatus(id, "failed").path("last_error").asString()).isEqualTo("TikTok did not publish the "
                + "video: TikTok rejected the file format: render a tiktok variant (H.264 MP4) "
                + "(fail_reason file_format_check_failed)");
    }
}
