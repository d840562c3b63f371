package io.socialsync.webapp;

import io.socialsync.jobs.JobState;
import io.socialsync.library.Clip;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A clip as the video page shows it: its band on the timeline (left and width in percent of the video), a colour
 * from its score (red 0 → green 100), the sub-scores and the reason; {@code rescore} while its edited bounds are
 * being scored again, {@code rescoreError} when the last re-score did not apply.
 */
public record ClipCard(long id, int rank, double start, double end, String span, int score,
                       Map<String, Object> subScores, String reason, String thumbnail, double left, double width,
                       String colour, Progress.Step rescore, String rescoreError) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ClipCard of(Clip c, long videoMs, String thumbnail) {
        return of(c, videoMs, thumbnail, null);
    }

    /** @param rescore the clip's RESCORE_CLIP job, shown only while it has not ended */
    @SuppressWarnings("unchecked")
    static ClipCard of(Clip c, long videoMs, String thumbnail, Progress.Step rescore) {
        double total = Math.max(videoMs, c.endMs());
        var subScores = c.subScores() == null ? Map.<String, Object>of()
                : (Map<String, Object>) JSON.readValue(c.subScores(), LinkedHashMap.class);
        return new ClipCard(c.id(), c.rank(), c.startMs() / 1000.0, c.endMs() / 1000.0,
                Times.clock(c.startMs() / 1000.0) + "–" + Times.clock(c.endMs() / 1000.0), c.score(), subScores,
                c.reason(), thumbnail, 100.0 * c.startMs() / total, 100.0 * c.durationMs() / total,
                "hsl(" + Math.round(c.score() * 1.2) + " 70% 42%)",
                rescore == null || JobState.valueOf(rescore.state()).terminal() ? null : rescore, c.rescoreError());
    }

    public boolean rescoring() {
        return rescore != null;
    }
}
