package io.socialsync.media.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds scene cuts in a stream of frames, holding only {@code ±window} seconds of them.
 *
 * <p>A frame is a cut when its difference to the previous frame stands out from its neighbourhood (adaptive, so
 * camera motion does not count) and the picture does not come back: a flash (a spike that returns to the previous
 * picture) or a strobe (A B A B …, every frame returns to the one two before) is not a cut. That is why a strobe
 * section cannot cause a cut storm; {@link MinShotFilter} catches what gets past.
 */
final class CutDetector {
    private final CutSettings settings;
    private final MinShotFilter shots;
    private final List<VideoFrame> frames = new ArrayList<>();
    /** Index in {@link #frames} of the next frame to judge; it needs {@code window} seconds of frames after it. */
    private int next;
    private boolean sawFirst;

    CutDetector(CutSettings settings) {
        this.settings = settings;
        this.shots = new MinShotFilter(settings.minShot());
    }

    void accept(VideoFrame frame) {
        frames.add(frame);
        while (next < frames.size() && frames.get(next).time() + settings.window() < frame.time()) judge(next++);
        dropOld();
    }

    /** Judges the frames still waiting for context and returns all cuts, ascending. */
    double[] finish() {
        while (next < frames.size()) judge(next++);
        frames.clear();
        next = 0;
        return shots.cuts();
    }

    private void judge(int i) {
        VideoFrame cur = frames.get(i);
        if (!sawFirst) { // the first frame of the video has nothing to differ from
            sawFirst = true;
            return;
        }
        if (i == 0 || cur.mafd() < settings.minExcess()) return;
        double base = calmerSideMedian(i);
        double excess = cur.mafd() - base;
        if (excess < settings.minExcess() || cur.mafd() < settings.ratio() * base) return;
        if (isFlash(i)) return;
        shots.offer(cur.time(), excess);
    }

    /** The smaller of the median differences before and after: at a real cut at least one side is one shot. */
    private double calmerSideMedian(int i) {
        double t = frames.get(i).time();
        double[] before = frames.subList(0, i).stream().filter(f -> f.time() >= t - settings.window())
                .mapToDouble(VideoFrame::mafd).toArray();
        double[] after = frames.subList(i + 1, frames.size()).stream()
                .filter(f -> f.time() <= t + settings.window()).mapToDouble(VideoFrame::mafd).toArray();
        if (before.length == 0) return after.length == 0 ? 0 : median(after);
        return after.length == 0 ? median(before) : Math.min(median(before), median(after));
    }

    /**
     * A big jump of the colour signature whose picture returns: a later frame looks like the one before the jump
     * (a flash), or an earlier frame looks like the one after it (the back half of a strobe cycle).
     */
    private boolean isFlash(int i) {
        VideoFrame prev = frames.get(i - 1);
        VideoFrame cur = frames.get(i);
        double jump = prev.distance(cur);
        if (jump < settings.flashMinJump()) return false;
        double close = settings.returnRatio() * jump;
        for (int j = i + 1; j < frames.size() && frames.get(j).time() <= cur.time() + settings.window(); j++) {
            if (frames.get(j).distance(prev) <= close) return true;
        }
        for (int j = i - 2; j >= 0 && frames.get(j).time() >= cur.time() - settings.window(); j--) {
            if (frames.get(j).distance(cur) <= close) return true;
        }
        return false;
    }

    /** Frames more than a window before the next one to judge are no longer needed. */
    private void dropOld() {
        if (next >= frames.size()) return;
        double keepFrom = frames.get(next).time() - settings.window();
        int drop = 0;
        while (drop < next - 1 && frames.get(drop).time() < keepFrom) drop++;
        if (drop > 0) {
            frames.subList(0, drop).clear();
            next -= drop;
        }
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
