package io.socialsync.media.analysis;

import java.util.List;

/**
 * Reads the video branch's per-frame metadata (scdet, signalstats, blackdetect, freezedetect) into per-second
 * bins, feeds the {@link CutDetector}, and collects black and frozen intervals.
 */
final class VideoCollector implements MetadataReader.Listener {
    static final double MIN_BLACK_SECONDS = 0.5;
    /** Limited-range 8-bit luma: 16 is black, 235 white. */
    private static final double Y_BLACK = 16, Y_RANGE = 219;
    /** Saturation of fully saturated colours is about 128 at 8 bits (up to 181 in the corners). */
    private static final double SAT_FULL = 128;

    private final CutDetector cuts;
    final SecondBins motion = new SecondBins();
    final SecondBins brightness = new SecondBins();
    final SecondBins saturation = new SecondBins();
    private final IntervalTracker black = new IntervalTracker(MIN_BLACK_SECONDS);
    private final IntervalTracker frozen = new IntervalTracker(0);
    private final double frameStep;
    private final boolean skipsFrames;
    private double time = Double.NaN, lastTime = Double.NaN;
    private double mafd, y, u, v, yLow, yHigh, sat;
    private double[] cutTimes;
    private double lastFrameTime;

    /**
     * @param frameStep expected seconds per frame: for a frame without a timestamp, and to count skipped frames
     * @param skipsFrames whether the decode left frames out; if not, a longer interval is the source's own (VFR)
     *     and each frame counts once, as it always did
     */
    VideoCollector(CutSettings settings, double frameStep, boolean skipsFrames) {
        this.cuts = new CutDetector(settings);
        this.frameStep = frameStep;
        this.skipsFrames = skipsFrames;
    }

    @Override
    public void frame(double ptsTime) {
        flush();
        time = Double.isFinite(ptsTime) ? ptsTime : (Double.isNaN(lastTime) ? 0 : lastTime + frameStep);
        mafd = y = u = v = yLow = yHigh = sat = Double.NaN;
    }

    @Override
    public void value(String key, double value) {
        switch (key) {
            case "lavfi.scd.mafd" -> mafd = value;
            case "lavfi.signalstats.YAVG" -> y = value;
            case "lavfi.signalstats.UAVG" -> u = value;
            case "lavfi.signalstats.VAVG" -> v = value;
            case "lavfi.signalstats.YLOW" -> yLow = value;
            case "lavfi.signalstats.YHIGH" -> yHigh = value;
            case "lavfi.signalstats.SATAVG" -> sat = value;
            case "lavfi.black_start" -> black.start(value);
            case "lavfi.black_end" -> black.end(value);
            case "lavfi.freezedetect.freeze_start" -> frozen.start(value);
            case "lavfi.freezedetect.freeze_end" -> frozen.end(value);
            default -> { } // other keys are deleted in the graph; ignore any a newer FFmpeg adds
        }
    }

    @Override
    public void end() {
        flush();
        cutTimes = cuts.finish();
    }

    private void flush() {
        if (Double.isNaN(time)) return;
        // mafd is the difference from the previous frame seen; with non-reference frames skipped (Decode.FAST)
        // that one can be two or three frames back: it is spread over the intervals it spans, so a second's mean
        // is still the difference per frame interval, and a cut weighs in it what it weighs in a full decode
        double gap = !skipsFrames || Double.isNaN(lastTime) ? 1
                : Math.clamp(Math.round((time - lastTime) / frameStep), 1, 4);
        lastTime = time;
        lastFrameTime = Math.max(lastFrameTime, time);
        motion.add(time, mafd / gap, gap);
        brightness.add(time, Math.clamp((y - Y_BLACK) / Y_RANGE, 0, 1));
        saturation.add(time, Math.min(1, sat / SAT_FULL));
        if (Double.isFinite(mafd) && Double.isFinite(y)) {
            cuts.accept(new VideoFrame(time, mafd, y, u, v, yLow, yHigh, sat));
        }
        time = Double.NaN;
    }

    double lastFrameTime() {
        return lastFrameTime;
    }

    double[] cuts() {
        return cutTimes;
    }

    List<Interval> black(double duration) {
        return black.finish(duration);
    }

    List<Interval> frozen(double duration) {
        return frozen.finish(duration);
    }
}
