package io.socialsync.media.render;

/**
 * Where the crop window is centred at one moment. Between keyframes the centre moves linearly; to cut instead of
 * pan at a scene change, put two keyframes a frame apart. Before the first and after the last the centre holds.
 *
 * @param timeSeconds seconds from the start of the <em>source</em> file (the analysis module's timeline), not of
 *     the clip
 * @param centerX horizontal centre as a fraction of the (letterbox-free) frame width, 0 = left edge, 1 = right
 */
public record CropKeyframe(double timeSeconds, double centerX) {
    public CropKeyframe {
        if (!(timeSeconds >= 0) || Double.isInfinite(timeSeconds)) {
            throw new IllegalArgumentException("timeSeconds must be >= 0: " + timeSeconds);
        }
        if (!(centerX >= 0 && centerX <= 1)) throw new IllegalArgumentException("centerX must be in [0, 1]: " + centerX);
    }
}
