package io.socialsync.library;

import java.time.Instant;

/**
 * A scored time range of a Video; {@code subScores} is JSON (energy, motion, hook, quality, continuity).
 *
 * @param rescoreJobId the RESCORE_CLIP job re-scoring edited bounds, while it is queued or running; else null
 * @param rescoreError why the last re-score did not apply (failed for good, or cancelled), until the next one
 */
public record Clip(long id, long workspaceId, long videoId, int rank, long startMs, long endMs, int score,
                   String subScores, String reason, String thumbnailKey, Long jobId, Instant createdAt,
                   Long rescoreJobId, String rescoreError) {

    public long durationMs() {
        return endMs - startMs;
    }
}
