package io.socialsync.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.support.Api;
import io.socialsync.support.Eventually;
import io.socialsync.support.Multipart;
import io.socialsync.support.ServerTest;
import io.socialsync.support.TestVideos;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Videos FFmpeg reads but the service cannot use, and containers beyond MP4, through the real server. */
class UnusableVideoTest extends ServerTest {
    private static final Duration SLOW = Duration.ofMinutes(4);

    private long upload(byte[] content, String fileName) {
        var response = admin.send(new Multipart().field("title", fileName)
                .file("file", fileName, "application/octet-stream", content).into(admin.request("/upload")));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("video").get("id").asLong();
    }

    private JsonNode awaitVideo(long id, String... states) {
        var wanted = String.join("|", states);
        Eventually.await("video " + id + " " + wanted, SLOW,
                () -> admin.get("/videos/" + id).json().get("state").asString().matches(wanted));
        return admin.get("/videos/" + id).json();
    }

    @Test
    void aFrameLargerThanAnyCodecLevelIsRejectedUpFrontWithWhatToDo() {
        long id = upload(TestVideos.bytes(TestVideos.singleFrame("huge", 8000, 8000)), "huge.mp4");
        var video = awaitVideo(id, "REJECTED", "FAILED", "READY");
        assertThat(video.get("state").asString()).isEqualTo("REJECTED");
        assertThat(video.get("rejection").get("code").asString()).isEqualTo("resolution_too_high");
        assertThat(video.get("rejection").get("reason").asString())
                .contains("8000x8000", "64.00 megapixels", "8192x4320", "Re-encode it to 8K (7680x4320) or smaller");
        assertThat(admin.post("/videos/" + id + "/analyse", "{}").status()).isEqualTo(409);
    }

    /**
     * A one-frame file passes validation but its contact sheet cannot be made (every seek but the first lands past
     * the only frame): the job fails three times, and the video must not stay ANALYSING.
     */
    @Test
    void aVideoWhoseAnalysisFailsForGoodIsFailedWithAReasonAndCanBeAnalysedAgain() {
        long id = upload(TestVideos.bytes(TestVideos.singleFrame("one-frame", 320, 180)), "one.mp4");
        var video = awaitVideo(id, "FAILED", "READY", "REJECTED");
        assertThat(video.get("state").asString()).isEqualTo("FAILED");
        assertThat(video.get("error").asString()).startsWith("analysis failed after 3 attempt(s): ")
                .contains("contact-sheet.jpg").doesNotContain(DATA.toString(), "/tmp", "/work/");
        var failedJobs = admin.get("/jobs?kind=ANALYSE_VIDEO&state=FAILED&limit=100").json().get("items");
        assertThat(failedJobs).isNotEmpty().allSatisfy(j -> assertThat(j.get("last_error").asString())
                .doesNotContain(DATA.toString(), "/tmp/"));
        var events = admin.get("/ledger?entity_type=video&entity_id=" + id).json().get("items");
        assertThat(events).extracting(e -> e.get("event_type").asString()).contains("video_failed");

        var again = admin.post("/videos/" + id + "/analyse", "{}");
        assertThat(again.status()).isEqualTo(202);
        long retry = again.json().get("job_id").asLong();
        Eventually.await("re-analysis", SLOW, () -> admin.get("/jobs/" + retry).json().get("state").asString()
                .matches("FAILED|COMPLETED"));
        assertThat(admin.get("/videos/" + id).json().get("state").asString()).isEqualTo("FAILED");
    }

    /** The bundled FFmpeg has no Theora encoder: VP8 + Opus in Ogg goes through the same Ogg demuxer. */
    @Test
    void anOggVideoIsAcceptedAndAnalysedToReady() {
        long id = upload(TestVideos.bytes(TestVideos.ogg("ogg", 8)), "clip.ogv");
        var video = awaitVideo(id, "READY", "REJECTED", "FAILED");
        assertThat(video.get("state").asString()).as(video.toString()).isEqualTo("READY");
        assertThat(video.get("content_type").asString()).isEqualTo("video/ogg");
        assertThat(video.get("container").asString()).isEqualTo("ogg");
        assertThat(video.get("video_codec").asString()).isEqualTo("vp8");
        assertThat(video.get("error").isNull()).isTrue();
    }
}
