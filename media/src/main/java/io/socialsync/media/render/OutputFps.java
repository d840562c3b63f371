package io.socialsync.media.render;

import io.socialsync.media.probe.FrameRate;
import io.socialsync.media.probe.VideoStream;
import java.util.List;

/**
 * The constant output frame rate: always a clean rational (an integer or an NTSC x/1001 rate) inside the
 * platform's range. The source's own rate is kept when it is clean and in range; a mean like 318960000/18762353
 * (17.0002, what ffprobe reports for a 17 fps file) is first snapped to the rate it stands for, so the output's
 * {@code r_frame_rate} is 17/1 or, clamped, 24/1, never the raw fraction.
 */
public final class OutputFps {
    static final FrameRate FALLBACK = new FrameRate(30, 1);
    /** What players and platforms expect; VFR means and out-of-range sources land on one of these. */
    static final List<FrameRate> STANDARD = List.of(new FrameRate(24000, 1001), new FrameRate(24, 1),
            new FrameRate(25, 1), new FrameRate(30000, 1001), new FrameRate(30, 1), new FrameRate(50, 1),
            new FrameRate(60000, 1001), new FrameRate(60, 1));
    /** What a rate outside the range is moved to: the integer rates, as the platforms' specs list them. */
    static final List<FrameRate> CLAMPED = STANDARD.stream().filter(r -> r.denominator() == 1).toList();
    /**
     * A mean within this relative distance of a clean rate is that rate (mp4 timebases round frame times); well
     * below the 0.1 % between 30 and 30000/1001.
     */
    static final double SNAP = 0.0003;

    private OutputFps() {}

    public static FrameRate choose(VideoStream video, int maxFps) {
        return choose(video, 1, maxFps);
    }

    /** @param minFps lowest accepted rate; a slower source is resampled up (frames repeat) */
    public static FrameRate choose(VideoStream video, int minFps, int maxFps) {
        FrameRate rate = video.frameRate();
        if (!rate.isKnown() || rate.value() > 1000) rate = FALLBACK; // 90000/1 style timebases are not rates
        double fps = rate.value();
        if (fps < minFps * (1 - SNAP)) return raise(fps, minFps, maxFps);
        if (fps > maxFps * (1 + SNAP)) return lower(fps, minFps, maxFps);
        FrameRate out = video.variableFrameRate() ? nearestStandard(fps) : clean(rate);
        return out.value() < minFps * (1 - SNAP) ? raise(fps, minFps, maxFps)
                : out.value() > maxFps * (1 + SNAP) ? lower(fps, minFps, maxFps) : out;
    }

    /** The integer or x/1001 rate {@code r} stands for, else the nearest standard one. */
    static FrameRate clean(FrameRate r) {
        double v = r.value();
        long n = Math.round(v);
        if (n > 0 && Math.abs(v - n) <= SNAP * n) return new FrameRate(n, 1);
        long ntsc = Math.round(v * 1.001);
        if (ntsc > 0 && Math.abs(v - ntsc / 1.001) <= SNAP * v) return new FrameRate(ntsc * 1000, 1001);
        return nearestStandard(v);
    }

    static FrameRate nearestStandard(double fps) {
        FrameRate best = FALLBACK;
        for (FrameRate r : STANDARD) {
            if (Math.abs(r.value() - fps) < Math.abs(best.value() - fps)) best = r;
        }
        return best;
    }

    /** The slowest integer rate in range, preferring one that repeats every frame equally often (12 to 24). */
    private static FrameRate raise(double fps, int minFps, int maxFps) {
        List<FrameRate> ok = inRange(minFps, maxFps);
        return ok.stream().filter(r -> evenCadence(r.value(), fps)).findFirst().orElse(ok.getFirst());
    }

    /** The fastest integer rate in range, preferring one that drops frames evenly (120 to 60, 100 to 50). */
    private static FrameRate lower(double fps, int minFps, int maxFps) {
        List<FrameRate> ok = inRange(minFps, maxFps).reversed();
        return ok.stream().filter(r -> evenCadence(fps, r.value())).findFirst().orElse(ok.getFirst());
    }

    private static List<FrameRate> inRange(int minFps, int maxFps) {
        List<FrameRate> ok = CLAMPED.stream()
                .filter(r -> r.value() >= minFps * (1 - SNAP) && r.value() <= maxFps * (1 + SNAP)).toList();
        // a custom range no listed rate fits (say 10-15 fps) still gets a clean integer rate
        return ok.isEmpty() ? List.of(new FrameRate(maxFps, 1)) : ok;
    }

    private static boolean evenCadence(double fast, double slow) {
        double ratio = fast / slow;
        return Math.abs(ratio - Math.round(ratio)) < SNAP * ratio;
    }
}
