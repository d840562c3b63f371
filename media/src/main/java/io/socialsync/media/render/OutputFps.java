package io.socialsync.media.render;

import io.socialsync.media.probe.FrameRate;
import io.socialsync.media.probe.VideoStream;
import java.util.List;

/** The constant output frame rate: the source's own if the platform allows it, else the platform's cap. */
public final class OutputFps {
    static final FrameRate FALLBACK = new FrameRate(30, 1);
    /** Phones record VFR; an average like 29.86 is snapped to the nearest rate players expect. */
    static final List<FrameRate> STANDARD = List.of(new FrameRate(24000, 1001), new FrameRate(24, 1),
            new FrameRate(25, 1), new FrameRate(30000, 1001), new FrameRate(30, 1), new FrameRate(50, 1),
            new FrameRate(60000, 1001), new FrameRate(60, 1));

    private OutputFps() {}

    public static FrameRate choose(VideoStream video, int maxFps) {
        FrameRate rate = video.frameRate();
        if (!rate.isKnown() || rate.value() > 1000) rate = FALLBACK; // 90000/1 style timebases are not rates
        if (video.variableFrameRate()) rate = nearestStandard(rate.value());
        return rate.value() > maxFps ? new FrameRate(maxFps, 1) : rate;
    }

    static FrameRate nearestStandard(double fps) {
        FrameRate best = FALLBACK;
        for (FrameRate r : STANDARD) {
            if (Math.abs(r.value() - fps) < Math.abs(best.value() - fps)) best = r;
        }
        return best;
    }
}
