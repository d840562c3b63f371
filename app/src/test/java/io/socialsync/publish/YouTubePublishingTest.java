package io.socialsync.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * YouTube's resumable upload against WireMock, in 256 KiB chunks (the test setting): session → chunked PUTs →
 * an interruption → probe → resume from the session's Range; then videos.list until processed.
 */
class YouTubePublishingTest extends PlatformTest {
    static final String PATH = "/upload/youtube/v3/videos";
    static final String VIDEOS = "/youtube/v3/videos";
    static final int SIZE = 600_000;
    static final String PROBE = "bytes */" + SIZE;
    private long account;

    @BeforeEach
    void channel() {
        account = account("youtube", Map.of("channel_id", "UC1"), "YTtoken");
    }

    private String sessionUri() {
        return base() + PATH + "?uploadType=resumable&upload_id=UP1";
    }

    private void session() {
        PLATFORMS.stubFor(post(urlPathEqualTo(PATH)).withQueryParam("uploadType", equalTo("resumable"))
                .willReturn(aResponse().withStatus(200).withHeader("Location", sessionUri())));
    }

    private static String range(long first, long last, long total) {
        return "bytes " + first + "-" + last + "/" + total;
    }

    /** A chunk PUT the session answers 308 with {@code Range: bytes=0-held}. */
    private void chunk(String contentRange, long held) {
        PLATFORMS.stubFor(put(urlPathEqualTo(PATH)).withHeader("Content-Range", equalTo(contentRange))
                .willReturn(aResponse().withStatus(308).withHeader("Range", "bytes=0-" + held)));
    }

    private void created(String contentRange) {
        PLATFORMS.stubFor(put(urlPathEqualTo(PATH)).withHeader("Content-Range", equalTo(contentRange))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"kind\":\"youtube#video\",\"id\":\"yt123\",\"status\":{\"uploadStatus\":"
                                + "\"uploaded\"}}")));
    }

    private void videoStatus(String uploadStatus, String processingStatus, String extraStatus) {
        PLATFORMS.stubFor(get(urlPathEqualTo(VIDEOS)).willReturn(okJson("{\"kind\":\"youtube#videoListResponse\","
                + "\"items\":[{\"id\":\"yt123\",\"status\":{\"uploadStatus\":\"" + uploadStatus + "\"" + extraStatus
                + ",\"privacyStatus\":\"public\"},\"processingDetails\":{\"processingStatus\":\"" + processingStatus
                + "\"}}]}")));
    }

    /** A post whose video is on the channel, which YouTube is still processing; its job keeps asking. */
    private String uploadedAndStillProcessing() {
        session();
        created(range(0, 999, 1000));
        videoStatus("uploaded", "processing", "");
        String id = schedule("youtube", account, video("youtube_short", 1000), null);
        fallDue();
        awaitLastError(id, "YouTube is still processing video yt123");
        return id;
    }

    private int putsFrom(long first) {
        return PLATFORMS.findAll(putRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Content-Range", matching("bytes " + first + "-.*"))).size();
    }

    @Test
    void aChunkInterruptedMidwayIsResumedAtTheSessionsOffsetWithoutASecondSession() {
        session();
        chunk(range(0, 262143, SIZE), 262143);
        PLATFORMS.stubFor(put(urlPathEqualTo(PATH)).withHeader("Content-Range", equalTo(range(262144, 524287, SIZE)))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        // the session kept half of the interrupted chunk: the next PUT starts where it says, not at a boundary
        chunk(PROBE, 393215);
        created(range(393216, SIZE - 1, SIZE));
        videoStatus("processed", "succeeded", "");
        String id = schedule("youtube", account, video("youtube_short", SIZE), "First line\nMore words #shorts");
        fallDue();

        var posted = awaitStatus(id, "posted", "failed", "unconfirmed");
        assertThat(posted.path("status").asString()).isEqualTo("posted");
        assertThat(posted.path("external_id").asString()).isEqualTo("yt123");
        assertThat(posted.path("url").asString()).isEqualTo("https://www.youtube.com/watch?v=yt123");
        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo(PATH))
                .withQueryParam("part", equalTo("snippet,status"))
                .withHeader("Authorization", equalTo("Bearer YTtoken"))
                .withHeader("X-Upload-Content-Length", equalTo(String.valueOf(SIZE)))
                .withHeader("X-Upload-Content-Type", equalTo("video/mp4"))
                .withRequestBody(matchingJsonPath("$.snippet.title", equalTo("First line")))
                .withRequestBody(matchingJsonPath("$.snippet.description", equalTo("First line\nMore words #shorts")))
                .withRequestBody(matchingJsonPath("$.status.privacyStatus", equalTo("public")))
                .withRequestBody(matchingJsonPath("$.status.selfDeclaredMadeForKids", equalTo("false"))));
        assertThat(putsFrom(0)).isEqualTo(1);
        var first = PLATFORMS.findAll(putRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Content-Range", equalTo(range(0, 262143, SIZE))));
        assertThat(first.get(0).getBody()).isEqualTo(Arrays.copyOfRange(content(SIZE), 0, 262144));
        var resumed = PLATFORMS.findAll(putRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Content-Range", equalTo(range(393216, SIZE - 1, SIZE))));
        assertThat(resumed).hasSize(1);
        assertThat(resumed.get(0).getBody()).isEqualTo(Arrays.copyOfRange(content(SIZE), 393216, SIZE));
        // the job showed the upload's progress as the chunks went
        assertThat(jdbc.sql("SELECT progress_message FROM jobs WHERE id = (SELECT job_id FROM publications "
                + "WHERE id = ?)").param(Long.parseLong(id)).query(String.class).single())
                .isEqualTo("uploaded 0.6 of 0.6 MB to youtube");
        PLATFORMS.verify(getRequestedFor(urlPathEqualTo(VIDEOS)).withQueryParam("id", equalTo("yt123"))
                .withQueryParam("part", equalTo("status,processingDetails"))
                .withHeader("Authorization", equalTo("Bearer YTtoken")));
    }

    @Test
    void aWorkerKilledMidUploadResumesFromWhatTheSessionHoldsNeverFromZero() {
        String id = schedule("youtube", account, video("youtube_short", SIZE), null);
        // the journal knew of 256 KiB; the worker died after sending a second chunk the session kept
        killedWorker(id, "upload", false, "{\"session_uri\":\"" + sessionUri() + "\",\"uploaded_bytes\":\"262144\"}");
        chunk(PROBE, 524287);
        created(range(524288, SIZE - 1, SIZE));
        videoStatus("processed", "succeeded", "");

        assertThat(watchdog.rearm(ws.id())).isEqualTo(1);
        var posted = awaitStatus(id, "posted", "failed", "unconfirmed");
        assertThat(posted.path("status").asString()).isEqualTo("posted");
        assertThat(posted.path("external_id").asString()).isEqualTo("yt123");
        PLATFORMS.verify(exactly(0), postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(putsFrom(0)).isZero();
        assertThat(putsFrom(262144)).isZero();
        PLATFORMS.verify(exactly(1), putRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Content-Range", equalTo(range(524288, SIZE - 1, SIZE))));
    }

    @Test
    void aRejectedVideoFailsWithYouTubesReasonAsASentence() {
        session();
        created(range(0, 999, 1000));
        videoStatus("rejected", "succeeded", ",\"rejectionReason\":\"duplicate\"");
        String id = schedule("youtube", account, video("youtube_short", 1000), null);
        fallDue();

        assertThat(awaitStatus(id, "failed", "posted").path("last_error").asString()).isEqualTo("YouTube rejected "
                + "the video: it duplicates a video already uploaded (rejectionReason duplicate) (video yt123 on "
                + "channel creator): fix that and schedule the clip again");
    }

    @Test
    void aProcessingFailureFailsWithTheFailureReason() {
        session();
        created(range(0, 999, 1000));
        videoStatus("failed", "failed", ",\"failureReason\":\"codec\"");
        String id = schedule("youtube", account, video("youtube_short", 1000), null);
        fallDue();

        assertThat(awaitStatus(id, "failed", "posted").path("last_error").asString()).startsWith("YouTube could "
                + "not process the video: its codec is not supported (render an H.264/AAC MP4 variant) "
                + "(failureReason codec)");
        PLATFORMS.verify(exactly(1), putRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void slowProcessingIsAskedAboutAgainNeverUploadedAgainAndPostedAfterTheWait() {
        String id = uploadedAndStillProcessing();
        assertThat(publication(id).path("status").asString()).isEqualTo("publishing");
        // later attempts only ask; once the wait (15 min by default) has passed, the uploaded video counts as posted
        clock.set(Instant.parse(SLOT).plus(Duration.ofMinutes(16)));
        var posted = awaitStatus(id, "posted", "failed", "unconfirmed");
        assertThat(posted.path("status").asString()).isEqualTo("posted");
        assertThat(posted.path("external_id").asString()).isEqualTo("yt123");
        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo(PATH)));
        PLATFORMS.verify(exactly(1), putRequestedFor(urlPathEqualTo(PATH)));
        assertThat(PLATFORMS.findAll(getRequestedFor(urlPathEqualTo(VIDEOS))).size()).isGreaterThan(5);
    }

    @Test
    void aVideoStillProcessingWhenTheAttemptsRunOutIsPostedNeverFailed() {
        String id = uploadedAndStillProcessing();
        // the next run is the job's last: long before the wait is over, the video exists, so it is posted
        lastAttempt(id);
        var posted = awaitStatus(id, "posted", "failed", "unconfirmed");
        assertThat(posted.path("status").asString()).isEqualTo("posted");
        assertThat(posted.path("external_id").asString()).isEqualTo("yt123");
        assertThat(clock.instant()).isBefore(Instant.parse(SLOT).plus(Duration.ofMinutes(15)));
        PLATFORMS.verify(exactly(1), putRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void anUploadedVideoWhoseChannelLosesItsTokenWhileProcessingIsUnconfirmedNeverFailed() {
        String id = uploadedAndStillProcessing();
        // the video is on the channel; then the channel is revoked before the next attempt asks about it again
        jdbc.sql("UPDATE social_accounts SET status = 'needs_reauth', status_reason = 'revoked' WHERE id = ?")
                .param(account).update();
        var settled = awaitStatus(id, "posted", "failed", "unconfirmed");
        assertThat(settled.path("status").asString()).isEqualTo("unconfirmed");
        PLATFORMS.verify(exactly(1), putRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aSessionThatKeepsTakingNoBytesEndsTheRunInsteadOfLoopingForever() {
        session();
        // every chunk answered 308 without a Range: the session holds nothing, however often we send
        PLATFORMS.stubFor(put(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(308)));
        String id = schedule("youtube", account, video("youtube_short", SIZE), null);
        fallDue();

        awaitLastError(id, "YouTube kept answering without taking the bytes from 0 of " + SIZE);
        assertThat(publication(id).path("status").asString()).isEqualTo("publishing");
        lastAttempt(id); // no video was made: giving up is a plain failure
        assertThat(awaitStatus(id, "failed", "unconfirmed", "posted").path("status").asString()).isEqualTo("failed");
        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aTokenThatExpiresMidUploadIsRetriedNotTakenForADeadAccount() {
        session();
        chunk(range(0, 262143, SIZE), 262143);
        // the session still holds the first chunk whenever a retry asks (a retry may run before lastAttempt lands)
        chunk("bytes */" + SIZE, 262143);
        PLATFORMS.stubFor(put(urlPathEqualTo(PATH)).withHeader("Content-Range", equalTo(range(262144, 524287, SIZE)))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":401,\"message\":\"Invalid Credentials\"}}")));
        String id = schedule("youtube", account, video("youtube_short", SIZE), null);
        fallDue();

        awaitLastError(id, "YouTube refused the access token in the middle of the upload");
        assertThat(accountStatus(account)).isEqualTo("active");
        lastAttempt(id);
        assertThat(awaitStatus(id, "failed", "unconfirmed", "posted").path("status").asString()).isEqualTo("failed");
        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void theWatchdogGivingUpOnAnUploadedVideoLeavesItUnconfirmedNeverFailed() {
        String id = schedule("youtube", account, video("youtube_short", 1000), null);
        // a worker died after the upload finished (video id recorded, no call open), and kept dying
        killedWorker(id, "upload_final", false, "{\"session_uri\":\"" + sessionUri() + "\",\"video_id\":\"yt123\"}");
        jdbc.sql("UPDATE publications SET recovery_tries = 3 WHERE id = ?").param(Long.parseLong(id)).update();

        watchdog.rearm(ws.id());
        assertThat(publication(id).path("status").asString()).isEqualTo("unconfirmed");
        assertThat(PLATFORMS.getAllServeEvents()).isEmpty();
    }

    @Test
    void aFinalChunkWhoseAnswerIsLostIsSettledByTheProbeNotSentAgain() {
        session();
        PLATFORMS.stubFor(put(urlPathEqualTo(PATH)).withHeader("Content-Range", equalTo(range(0, 999, 1000)))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        // the probe repeats the original final answer: the video was made
        PLATFORMS.stubFor(put(urlPathEqualTo(PATH)).withHeader("Content-Range", equalTo("bytes */1000"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"yt123\"}")));
        videoStatus("processed", "succeeded", "");
        String id = schedule("youtube", account, video("youtube_short", 1000), null);
        fallDue();

        assertThat(awaitStatus(id, "posted", "failed", "unconfirmed").path("external_id").asString())
                .isEqualTo("yt123");
        PLATFORMS.verify(exactly(1), putRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Content-Range", equalTo(range(0, 999, 1000))));
    }

    @Test
    void aSessionGoneAfterTheLastChunkMayHaveMadeAVideoSoItIsNeverUploadedAgain() {
        String id = schedule("youtube", account, video("youtube_short", 1000), null);
        // the worker died with the last chunk in flight; by now the session answers 404
        killedWorker(id, "upload_final", true, "{\"session_uri\":\"" + sessionUri() + "\",\"uploaded_bytes\":\"0\"}");
        PLATFORMS.stubFor(put(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(404)));

        assertThat(watchdog.rearm(ws.id())).isEqualTo(1);
        var unconfirmed = awaitStatus(id, "unconfirmed", "posted", "failed");
        assertThat(unconfirmed.path("status").asString()).isEqualTo("unconfirmed");
        PLATFORMS.verify(exactly(0), postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(putsFrom(0)).isZero();
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
        // 11:00 in Los Angeles when it ran: not before the quota resets at the next Pacific midnight (08:00 UTC)
        assertThat(Instant.parse(deferred.path("scheduled_for").asString()))
                .isAfterOrEqualTo(Instant.parse("2030-01-08T08:05:00Z"));
    }
}
