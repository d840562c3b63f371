package io.socialsync.media.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns start/end events (blackdetect's {@code lavfi.black_start}/{@code _end}, freezedetect's
 * {@code freeze_start}/{@code freeze_end}) into intervals. An interval still open at the end of the file runs to
 * the end: FFmpeg has no later frame to put the end event on.
 */
final class IntervalTracker {
    private final double minLength;
    private final List<Interval> done = new ArrayList<>();
    private double openedAt = Double.NaN;

    IntervalTracker(double minLength) {
        this.minLength = minLength;
    }

    void start(double t) {
        if (Double.isNaN(openedAt) && Double.isFinite(t)) openedAt = t;
    }

    void end(double t) {
        if (Double.isNaN(openedAt) || !Double.isFinite(t)) return;
        // blackdetect also marks sub-threshold runs (one strobe frame): keep only long ones
        if (t - openedAt >= minLength) done.add(new Interval(Math.max(0, openedAt), t));
        openedAt = Double.NaN;
    }

    List<Interval> finish(double duration) {
        if (!Double.isNaN(openedAt)) end(Math.max(openedAt, duration));
        return List.copyOf(done);
    }
}
