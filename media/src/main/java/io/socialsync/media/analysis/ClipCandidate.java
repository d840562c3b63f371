package io.socialsync.media.analysis;

/**
 * A proposed clip. Times are seconds from the start of the source (snapped to a scene cut or quiet point where
 * one was near), in whole milliseconds; lengths meet {@link ClipRules} to within 1 µs of floating-point error.
 *
 * @param score 0–100, weighted from {@link SubScores}
 * @param reason one sentence for the user, e.g. "High-energy audio with fast cuts; strong hook in the first 3 s."
 */
public record ClipCandidate(double start, double end, double score, SubScores subScores, String reason) {
    public double length() {
        return end - start;
    }

    public Interval interval() {
        return new Interval(start, end);
    }
}
