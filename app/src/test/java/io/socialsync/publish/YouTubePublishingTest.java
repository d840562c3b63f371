package io.socialsync.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** YouTube's resumable upload against WireMock: session → PUT → interrupted → probe → resume from the 308 Range. */
class YouTubePublishingTest extends PlatformTest {
    static final String PATH = "/upload/youtube/v3/videos";
    static final int SIZE = 600_000;
    private long account;

    @BeforeEach
    void channel() {
        account = account("youtube", Map.of("channel_id", "UC1"), "YTtoken");
    }

    private void session() {
        PLATFORMS.stubFor(post(urlPathEqualTo(PATH)).withQueryParam("uploadType", equalTo("resumable"))
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Location", base() + PATH + "?uploadType=resumable&upload_id=UP1")));
    }

    @Test
    void anInterruptedUploadResumesFromTheOffsetTheSessionReports() {
        session();
        PLATFORMS.stubFor(put(urlPathEqualTo(PATH)).withHeader("Content-Range", absent())
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        PLATFORMS.stubFor(put(urlPathEqualTo(PATH)).withHeader("Content-Range", equalTo("bytes */" + SIZE))
                .willReturn(aResponse().withStatus(308).withHeader("Range", "bytes=0-262143")));
        PLATFORMS.stubFor(put(urlPathEqualTo(PATH))
                .withHeader("Content-Range", equalTo("bytes 262144-" + (SIZE - 1) + "/" + SIZE))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"kind\":\"youtube#video\",\"id\":\"yt123\"}")));
        String id = schedule("youtube", account, video("youtube_short", SIZE), "First line\nMore words #shorts");
        fallDue();

        var posted = awaitStatus(id, "posted", "failed", "unconfirmed");
        assertThat(posted.path("status").asString()).isEqualTo("posted");
        assertThat(posted.path("external_id").asString()).isEqualTo("yt123");
        assertThat(posted.path("url").asString()).isEqualTo("https://www.youtube.com/watch?v=yt123");
        PLATFORMS.verify(postRequestedFor(urlPathEqualTo(PATH))
                .withQueryParam("part", equalTo("snippet,status"))
                .withHeader("Authorization", equalTo("Bearer YTtoken"))
                .withHeader("X-Upload-Content-Length", equalTo(String.valueOf(SIZE)))
                .withHeader("X-Upload-Content-Type", equalTo("video/mp4"))
                .withRequestBody(matchingJsonPath("$.snippet.title", equalTo("First line")))
                .withRequestBody(matchingJsonPath("$.snippet.description", equalTo("First line\nMore words #shorts")))
                .withRequestBody(matchingJsonPath("$.status.privacyStatus", equalTo("public")))
                .withRequestBody(matchingJsonPath("$.status.selfDeclaredMadeForKids", equalTo("false"))));
        var resumed = PLATFORMS.findAll(putRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Content-Range", equalTo("bytes 262144-" + (SIZE - 1) + "/" + SIZE)));
        assertThat(resumed).hasSize(1);
        assertThat(resumed.get(0).getBody()).hasSize(SIZE - 262144);
        assertThat(resumed.get(0).getBody()).isEqualTo(java.util.Arrays.copyOfRange(content(SIZE), 262144, SIZE));
    }

    @Test
    void aRefusedTokenMarksTheChannelNeedsReauth() {
        PLATFORMS.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":401,\"message\":"
                        + "\"Invalid Credentials\",\"errors\":[{\"reason\":\"authError\"}]}}")));
        String id = schedule("youtube", account, video("youtube_short", 1000), null);
        fallDue();

        assertThat(awaitStatus(id, "failed").path("last_error").asString())
                .startsWith("YouTube refused the access token of creator: reconnect the account");
        assertThat(accountStatus(account)).isEqualTo("needs_reauth");
    }

    @Test
    void anExhaustedQuotaWaitsForTheResetInsteadOfFailing() {
        PLATFORMS.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":403,\"message\":"
                        + "\"The request cannot be completed because you have exceeded your quota.\","
                        + "\"errors\":[{\"reason\":\"quotaExceeded\"}]}}")));
        String id = schedule("youtube", account, video("youtube_short", 1000), null);
        fallDue();

        var deferred = awaitStatus(id, "scheduled", "failed");
        assertThat(deferred.path("status").asString()).isEqualTo("scheduled");
        assertThat(deferred.path("last_error").asString()).contains("quota is used up for today");
    }
}
