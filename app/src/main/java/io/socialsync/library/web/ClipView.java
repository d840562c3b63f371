package io.socialsync.library.web;

import io.socialsync.library.Clip;
import java.time.Instant;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * @param rescoreJobId the RESCORE_CLIP job moving the clip's bounds while it is queued or running, else null
 * @param rescoreError why the last re-score did not apply (its job failed for good or was cancelled; the clip
 *                     kept its bounds), until the next edit; else null
 */
@NullMarked
public record ClipView(long id, long videoId, int rank, double startSeconds, double endSeconds,
                       double durationSeconds, int score, JsonNode subScores, String reason,
                       @Nullable String thumbnailUrl, @Nullable Long jobId, Instant createdAt,
                       @Nullable Long rescoreJobId, @Nullable String rescoreError) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static ClipView of(Clip c) {
        return new ClipView(c.id(), c.videoId(), c.rank(), c.startMs() / 1000.0, c.endMs() / 1000.0,
                c.durationMs() / 1000.0, c.score(), JSON.readTree(c.subScores()), c.reason(),
                c.thumbnailKey() == null ? null : "/clips/" + c.id() + "/thumbnail", c.jobId(), c.createdAt(),
                c.rescoreJobId(), c.rescoreError());
    }
}
