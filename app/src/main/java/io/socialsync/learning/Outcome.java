package io.socialsync.learning;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A publication's engagement score at one checkpoint, with the features it is learned by (hook band may be null). */
public record Outcome(long workspaceId, long publicationId, String checkpoint, long socialAccountId, String platform,
                      long clipId, Instant postedAt, double engagement, Double baseline, int baselinePosts,
                      double score, int localHour, String preset, String scoreBand, String lengthBand,
                      String hookBand, Instant computedAt) {

    /** The option this post had in each dimension, as the fit reads it. */
    public Map<String, String> options() {
        var m = new LinkedHashMap<String, String>();
        m.put(Dimension.HOUR.wire(), String.valueOf(localHour));
        m.put(Dimension.PRESET.wire(), preset);
        m.put(Dimension.SCORE_BAND.wire(), scoreBand);
        m.put(Dimension.LENGTH_BAND.wire(), lengthBand);
        if (hookBand != null) {
            m.put(Dimension.HOOK_BAND.wire(), hookBand);
        }
        return m;
    }
}
