package io.socialsync.media.analysis;

import java.time.Duration;

/**
 * What clips a platform accepts and how many we propose.
 *
 * @param minLength shortest clip (also the threshold below which a whole short video becomes the only clip)
 * @param maxLength longest clip
 * @param minCount propose at least this many when the video is long enough and has valid footage
 * @param maxCount never propose more; between min and max only clips that score close to the best are added
 */
public record ClipRules(Duration minLength, Duration maxLength, int minCount, int maxCount) {
    /** 15–60 s, 3–5 clips: what the short-video platforms share. */
    public static final ClipRules DEFAULT = new ClipRules(Duration.ofSeconds(15), Duration.ofSeconds(60), 3, 5);

    public ClipRules {
        if (minLength.isNegative() || minLength.isZero()) throw new IllegalArgumentException("minLength must be > 0");
        if (maxLength.compareTo(minLength) < 0) throw new IllegalArgumentException("maxLength < minLength");
        if (minCount < 1 || maxCount < minCount) throw new IllegalArgumentException("need 1 <= minCount <= maxCount");
    }

    double minSeconds() {
        return minLength.toMillis() / 1000.0;
    }

    double maxSeconds() {
        return maxLength.toMillis() / 1000.0;
    }
}
