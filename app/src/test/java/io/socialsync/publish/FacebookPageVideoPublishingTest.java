package io.socialsync.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A regular Facebook Page video against WireMock, for a square variant: {@code /videos} start → transfer of the
 * ranges Facebook names (multipart {@code video_file_chunk}) → finish (published) → the video's status.
 */
class FacebookPageVideoPublishingTest extends PlatformTest {
    static final String VIDEOS = "/v26.0/PAGE1/videos";
    static final int SIZE = 70_000;
    private long account;

    @BeforeEach
    void page() {
        account = account("facebook", Map.of("page_id", "PAGE1"), "FBtoken");
        PLATFORMS.stubFor(post(urlPathEqualTo(VIDEOS)).withFormParam("upload_phase", equalTo("start"))
                .willReturn(okJson("{\"video_id\":\"FV1\",\"upload_session_id\":\"S1\",\"start_offset\":\"0\","
                        + "\"end_offset\":\"40000\"}")));
        PLATFORMS.stubFor(transfer(0).willReturn(okJson("{\"start_offset\":\"40000\",\"end_offset\":\"70000\"}")));
        PLATFORMS.stubFor(get(urlPathEqualTo("/v26.0/FV1")).willReturn(okJson("{\"id\":\"FV1\",\"permalink_url\":"
                + "\"/PAGE1/videos/FV1/\",\"status\":{\"video_status\":\"ready\",\"uploading_phase\":{\"status\":"
                + "\"complete\"},\"processing_phase\":{\"status\":\"complete\"},\"publishing_phase\":{\"status\":"
                + "\"complete\",\"publish_status\":\"published\"}}}")));
    }

    private static MappingBuilder transfer(long startOffset) {
        return post(urlPathEqualTo(VIDEOS))
                .withMultipartRequestBody(aMultipart().withName("upload_phase").withBody(equalTo("transfer")))
                .withMultipartRequestBody(aMultipart().withName("start_offset")
                        .withBody(equalTo(String.valueOf(startOffset))));
    }

    private static RequestPatternBuilder transferred(long startOffset) {
        return postRequestedFor(urlPathEqualTo(VIDEOS))
                .withRequestBodyPart(aMultipart().withName("upload_phase").withBody(equalTo("transfer")).build())
                .withRequestBodyPart(aMultipart().withName("start_offset")
                        .withBody(equalTo(String.valueOf(startOffset))).build());
    }

    private static String done() {
        return "{\"start_offset\":\"70000\",\"end_offset\":\"70000\"}";
    }

    /** The square {@code facebook} format (1080x1080): the Page video flow under the default {@code auto}. */
    private long[] square(int bytes) {
        long[] video = video("facebook", bytes);
        jdbc.sql("UPDATE variants SET width = 1080, height = 1080 WHERE id = ?").param(video[1]).update();
        return video;
    }

    private void finish(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        PLATFORMS.stubFor(post(urlPathEqualTo(VIDEOS)).withFormParam("upload_phase", equalTo("finish"))
                .willReturn(answer));
    }

    @Test
    void aTransferFacebookKeepsAskingAgainForEndsTheRunInsteadOfLoopingForever() {
        PLATFORMS.stubFor(transfer(0).willReturn(okJson("{\"start_offset\":\"0\",\"end_offset\":\"40000\"}")));
        String id = schedule("facebook", account, square(SIZE), null);
        fallDue();

        awaitLastError(id, "Facebook kept asking for the chunk at byte 0 without taking it");
        lastAttempt(id); // nothing was published: giving up is a plain failure
        assertThat(awaitStatus(id, "failed", "unconfirmed", "posted").path("status").asString()).isEqualTo("failed");
        PLATFORMS.verify(exactly(0), postRequestedFor(urlPathEqualTo(VIDEOS))
                .withFormParam("upload_phase", equalTo("finish")));
    }

    @Test
    void aReadyPageVideoWhoseStatusHasNoPhasesIsPosted() {
        PLATFORMS.stubFor(transfer(40000).willReturn(okJson(done())));
        finish(okJson("{\"success\":true}"));
        PLATFORMS.stubFor(get(urlPathEqualTo("/v26.0/FV1")).willReturn(okJson("{\"id\":\"FV1\",\"status\":"
                + "{\"video_status\":\"ready\",\"processing_progress\":100}}")));
        String id = schedule("facebook", account, square(SIZE), null);
        fallDue();

        var posted = awaitStatus(id, "posted", "failed", "unconfirmed");
        assertThat(posted.path("status").asString()).isEqualTo("posted");
        assertThat(posted.path("url").asString()).isEqualTo("https://www.facebook.com/watch/?v=FV1");
    }

    @Test
    void aSquareVariantIsStartTransferOfFacebooksRangesFinishAndStatus() {
        PLATFORMS.stubFor(transfer(40000).willReturn(okJson(done())));
        finish(okJson("{\"success\":true}"));
        String id = schedule("facebook", account, square(SIZE), "Page video\nwith a longer description");
        fallDue();

        var posted = awaitStatus(id, "posted", "failed", "unconfirmed");
        assertThat(posted.path("status").asString()).isEqualTo("posted");
        assertThat(posted.path("external_id").asString()).isEqualTo("FV1");
        assertThat(posted.path("url").asString()).isEqualTo("https://www.facebook.com/PAGE1/videos/FV1/");
        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo(VIDEOS))
                .withFormParam("upload_phase", equalTo("start")).withFormParam("file_size", equalTo("70000"))
                .withFormParam("access_token", equalTo("FBtoken")));
        byte[] content = content(SIZE);
        var first = PLATFORMS.findAll(transferred(0));
        assertThat(first).hasSize(1);
        assertThat(first.get(0).getPart("upload_session_id").getBody().asString()).isEqualTo("S1");
        assertThat(first.get(0).getPart("video_file_chunk").getBody().asBytes())
                .isEqualTo(Arrays.copyOfRange(content, 0, 40000));
        var second = PLATFORMS.findAll(transferred(40000));
        assertThat(second).hasSize(1);
        assertThat(second.get(0).getPart("video_file_chunk").getBody().asBytes())
                .isEqualTo(Arrays.copyOfRange(content, 40000, SIZE));
        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo(VIDEOS))
                .withFormParam("upload_phase", equalTo("finish")).withFormParam("upload_session_id", equalTo("S1"))
                .withFormParam("title", equalTo("Page video"))
                .withFormParam("description", equalTo("Page video\nwith a longer description"))
                .withFormParam("published", equalTo("true")));
        PLATFORMS.verify(exactly(0), postRequestedFor(urlPathEqualTo("/v26.0/PAGE1/video_reels")));
    }

    @Test
    void aChunkAnswered5xxIsSentAgainFromItsStartOffsetNotFromZero() {
        PLATFORMS.stubFor(transfer(40000).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("recovered").willReturn(aResponse().withStatus(503)
                        .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":"
                                + "\"Service temporarily unavailable\",\"code\":2,\"is_transient\":true}}")));
        PLATFORMS.stubFor(transfer(40000).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson(done())));
        finish(okJson("{\"success\":true}"));
        String id = schedule("facebook", account, square(SIZE), null);
        fallDue();

        assertThat(awaitStatus(id, "posted", "failed", "unconfirmed").path("status").asString()).isEqualTo("posted");
        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo(VIDEOS))
                .withFormParam("upload_phase", equalTo("start")));
        PLATFORMS.verify(exactly(1), transferred(0));
        var again = PLATFORMS.findAll(transferred(40000));
        assertThat(again).hasSize(2);
        assertThat(again.get(1).getPart("video_file_chunk").getBody().asBytes())
                .isEqualTo(Arrays.copyOfRange(content(SIZE), 40000, SIZE));
        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo(VIDEOS))
                .withFormParam("upload_phase", equalTo("finish")));
    }

    @Test
    void aFinishWhoseAnswerIsLostAfterFacebookAcceptedIsSettledByTheStatusNeverSentTwice() {
        PLATFORMS.stubFor(transfer(40000).willReturn(okJson(done())));
        finish(okJson("{\"success\":true}").withFixedDelay(2500)); // past the 1 s request timeout
        String id = schedule("facebook", account, square(SIZE), null);
        fallDue();

        var posted = awaitStatus(id, "posted", "failed", "unconfirmed");
        assertThat(posted.path("status").asString()).isEqualTo("posted");
        assertThat(posted.path("external_id").asString()).isEqualTo("FV1");
        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo(VIDEOS))
                .withFormParam("upload_phase", equalTo("finish")));
        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo(VIDEOS))
                .withFormParam("upload_phase", equalTo("start")));
        PLATFORMS.verify(exactly(1), transferred(0));
        PLATFORMS.verify(exactly(1), transferred(40000));
    }

    @Test
    void aWorkerKilledDuringTransferGoesOnFromTheRecordedRange() {
        String id = schedule("facebook", account, square(SIZE), null);
        killedWorker(id, "video_transfer", false, "{\"flow\":\"VIDEO\",\"video_id\":\"FV1\",\"upload_session_id\":"
                + "\"S1\",\"start_offset\":\"40000\",\"end_offset\":\"70000\"}");
        PLATFORMS.stubFor(transfer(40000).willReturn(okJson(done())));
        finish(okJson("{\"success\":true}"));

        assertThat(watchdog.rearm(ws.id())).isEqualTo(1);
        assertThat(awaitStatus(id, "posted", "failed", "unconfirmed").path("status").asString()).isEqualTo("posted");
        PLATFORMS.verify(exactly(0), postRequestedFor(urlPathEqualTo(VIDEOS))
                .withFormParam("upload_phase", equalTo("start")));
        PLATFORMS.verify(exactly(0), transferred(0));
        PLATFORMS.verify(exactly(1), transferred(40000));
    }

    @Test
    void aProcessingErrorFailsWithFacebooksMessage() {
        PLATFORMS.stubFor(transfer(40000).willReturn(okJson(done())));
        finish(okJson("{\"success\":true}"));
        PLATFORMS.stubFor(get(urlPathEqualTo("/v26.0/FV1")).willReturn(okJson("{\"id\":\"FV1\",\"status\":{"
                + "\"video_status\":\"error\",\"processing_phase\":{\"status\":\"error\",\"errors\":[{\"code\":1363008,"
                + "\"message\":\"The video file is corrupt\"}]}}}")));
        String id = schedule("facebook", account, square(SIZE), null);
        fallDue();

        assertThat(awaitStatus(id, "failed", "posted").path("last_error").asString()).isEqualTo("Facebook could not "
                + "publish the video for @creator: The video file is corrupt (re-render the variant as H.264/AAC MP4)");
    }
}
