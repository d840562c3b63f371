package io.socialsync.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Facebook Page Reels against WireMock: start → rupload → finish (PUBLISHED) → status. */
class FacebookReelsPublishingTest extends PlatformTest {
    static final String REELS = "/v26.0/PAGE1/video_reels";
    static final String RUPLOAD = "/video-upload/v26.0/V1";
    private long account;

    @BeforeEach
    void page() {
        account = account("facebook", Map.of("page_id", "PAGE1"), "FBtoken");
        PLATFORMS.stubFor(post(urlPathEqualTo(REELS)).withFormParam("upload_phase", equalTo("start"))
                .willReturn(okJson("{\"video_id\":\"V1\",\"upload_url\":\"" + base() + RUPLOAD + "\"}")));
        PLATFORMS.stubFor(post(urlPathEqualTo(RUPLOAD)).willReturn(okJson("{\"success\":true}")));
        PLATFORMS.stubFor(get(urlPathEqualTo("/v26.0/V1")).willReturn(okJson("{\"id\":\"V1\",\"status\":{"
                + "\"video_status\":\"ready\",\"uploading_phase\":{\"status\":\"complete\"},\"processing_phase\":"
                + "{\"status\":\"complete\"},\"publishing_phase\":{\"status\":\"complete\",\"publish_status\":"
                + "\"published\"}}}")));
    }

    @Test
    void aReelIsStartUploadFinishAndPublishedStatus() {
        PLATFORMS.stubFor(post(urlPathEqualTo(REELS)).withFormParam("upload_phase", equalTo("finish"))
                .willReturn(okJson("{\"success\":true}")));
        String id = schedule("facebook", account, video("facebook", 50_000), "Page reel");
        fallDue();

        var posted = awaitStatus(id, "posted", "failed", "unconfirmed");
        assertThat(posted.path("status").asString()).isEqualTo("posted");
        assertThat(posted.path("url").asString()).isEqualTo("https://www.facebook.com/reel/V1");
        PLATFORMS.verify(postRequestedFor(urlPathEqualTo(RUPLOAD))
                .withHeader("Authorization", equalTo("OAuth FBtoken"))
                .withHeader("offset", equalTo("0"))
                .withHeader("file_size", equalTo("50000")));
        PLATFORMS.verify(postRequestedFor(urlPathEqualTo(REELS)).withFormParam("upload_phase", equalTo("finish"))
                .withFormParam("video_id", equalTo("V1")).withFormParam("video_state", equalTo("PUBLISHED"))
                .withFormParam("description", equalTo("Page reel")));
    }

    @Test
    void aFinishWhoseAnswerIsLostIsSettledByTheVideoStatus() {
        PLATFORMS.stubFor(post(urlPathEqualTo(REELS)).withFormParam("upload_phase", equalTo("finish"))
                .willReturn(okJson("{\"success\":true}").withFixedDelay(2500)));
        String id = schedule("facebook", account, video("facebook", 1000), null);
        fallDue();

        assertThat(awaitStatus(id, "posted", "failed", "unconfirmed").path("status").asString()).isEqualTo("posted");
        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo(REELS))
                .withFormParam("upload_phase", equalTo("finish")));
    }
}
