package io.socialsync.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.edit.AddTextHandler;
import io.socialsync.edit.ConcatenateHandler;
import io.socialsync.edit.EditInput;
import io.socialsync.ingest.url.IngestUrlHandler;
import io.socialsync.library.AnalyseVideoHandler;
import io.socialsync.meta.MediaDownloadHandler;
import io.socialsync.publish.PublishHandler;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Payload records are stored as the JSON the queue held before them, and rows queued before still read. */
class JobPayloadTest {

    @Test
    void recordsAreStoredInTheKeysTheQueueAlwaysHeld() {
        assertThat(json(new PublishHandler.Payload(42))).isEqualTo("{\"publication_id\":42}");
        assertThat(json(AnalyseVideoHandler.Payload.of(7))).isEqualTo("{\"video_id\":7}");
        assertThat(json(new AnalyseVideoHandler.Payload(7, 10.0, null, 2, null)))
                .isEqualTo("{\"video_id\":7,\"min_length_s\":10.0,\"min_count\":2}");
        assertThat(json(MediaDownloadHandler.Payload.nextBatch())).isEqualTo("{\"batch\":true}");
        assertThat(json(MediaDownloadHandler.Payload.posts(List.of(3L, 4L)))).isEqualTo("{\"post_ids\":[3,4]}");
        assertThat(json(IngestUrlHandler.Payload.of(" https://x.test/a.mp4 ", " "))).isEqualTo(
                "{\"url\":\"https://x.test/a.mp4\"}");
        assertThat(json(new ConcatenateHandler.Payload(List.of(new EditInput.VideoInput(1),
                new EditInput.VariantInput(2), new EditInput.UrlInput("https://x.test/b.mp4")), null))).isEqualTo(
                "{\"inputs\":[{\"video_id\":1},{\"variant_id\":2},{\"url\":\"https://x.test/b.mp4\"}]}");
    }

    @Test
    void rowsQueuedBeforeReadIntoTheRecords() {
        assertThat(read(AnalyseVideoHandler.JOB, "{\"max_count\":4,\"video_id\":9}"))
                .isEqualTo(new AnalyseVideoHandler.Payload(9, null, null, null, 4));
        assertThat(read(MediaDownloadHandler.JOB, "{\"post_ids\":[5]}"))
                .isEqualTo(MediaDownloadHandler.Payload.posts(List.of(5L)));
        assertThat(read(AddTextHandler.JOB, "{\"color\":\"white\",\"font_size\":50,\"position\":\"center\","
                + "\"text\":\"hi\",\"end_ms\":1500,\"inputs\":[{\"variant_id\":3}]}")).isEqualTo(
                new AddTextHandler.Payload(List.of(new EditInput.VariantInput(3)), "hi", "center", 50, "white", null,
                        1500L));
        // a key the record does not name (an older version's, or one POST /jobs sent) is passed over
        assertThat(read(PublishHandler.JOB, "{\"publication_id\":8,\"note\":\"x\"}"))
                .isEqualTo(new PublishHandler.Payload(8));
    }

    private static String json(Object payload) {
        return JobKind.JSON.writeValueAsString(payload);
    }

    private static <P extends Record> P read(JobKind<P> kind, String payload) {
        var job = new Job(1, 1, kind.name(), JobState.RUNNING, 0, Instant.EPOCH, payload, null, null, null, 1, 3, 0,
                null, null, null, null, Instant.EPOCH, null, null);
        return kind.payload(job);
    }
}
