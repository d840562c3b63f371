package io.socialsync.media.render;

import java.time.Duration;
import java.util.Objects;

/**
 * One platform's output rule: frame size plus the limits an upload must respect. Values are configuration, not
 * constants: platforms change them, so the defaults live in one table ({@link PlatformFormats#DEFAULTS}).
 *
 * @param name the id callers request, e.g. {@code instagram_reel}
 * @param minDuration a shorter output is refused before rendering (Reels under 3 s fail at publish time);
 *     {@link Duration#ZERO} where the platform publishes no minimum
 * @param minFps output frame rate is raised to at least this (a slower source repeats frames, not rejected)
 * @param maxFps output frame rate is capped to this (a faster source is resampled, not rejected)
 * @param maxSizeBytes an output larger than this fails verification; the bitrate is capped to aim below it
 * @param minShortSide the smallest accepted size, as its shorter side (the longer follows from the aspect): the
 *     floor when {@code maxUpscale} shrinks the output
 * @param maxUpscale how far a small source may be enlarged to fill the frame; beyond it the output is made smaller
 *     (down to {@code minShortSide}) instead. {@link Double#POSITIVE_INFINITY}: always the full size
 */
public record PlatformFormat(String name, int width, int height, Duration minDuration, Duration maxDuration,
                             int minFps, int maxFps, long maxSizeBytes, int minShortSide, double maxUpscale) {

    /** A format with no minimum duration, no lower frame-rate bound and no upscale cap. */
    public PlatformFormat(String name, int width, int height, Duration maxDuration, int maxFps, long maxSizeBytes) {
        this(name, width, height, Duration.ZERO, maxDuration, 1, maxFps, maxSizeBytes, Math.min(width, height),
                Double.POSITIVE_INFINITY);
    }

    public PlatformFormat {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("format name is blank");
        // x264 and yuv420p need even sizes; catching it here beats an FFmpeg error mid-render
        if (width < 2 || height < 2 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException(name + ": width and height must be even and positive, got "
                    + width + "x" + height);
        }
        Objects.requireNonNull(minDuration, "minDuration");
        Objects.requireNonNull(maxDuration, "maxDuration");
        if (minDuration.isNegative() || maxDuration.compareTo(minDuration) <= 0) {
            throw new IllegalArgumentException(name + ": need 0 <= minDuration < maxDuration");
        }
        if (minFps < 1 || maxFps < minFps) throw new IllegalArgumentException(name + ": need 1 <= minFps <= maxFps");
        if (maxSizeBytes < 1) throw new IllegalArgumentException(name + ": maxSizeBytes must be >= 1");
        if (minShortSide < 2 || minShortSide > Math.min(width, height)) {
            throw new IllegalArgumentException(name + ": minShortSide must be in [2, " + Math.min(width, height) + "]");
        }
        if (!(maxUpscale >= 1)) throw new IllegalArgumentException(name + ": maxUpscale must be >= 1");
    }

    /** The same rule with upscaling capped at {@code factor}. */
    public PlatformFormat withMaxUpscale(double factor) {
        return new PlatformFormat(name, width, height, minDuration, maxDuration, minFps, maxFps, maxSizeBytes, minShortSide, factor);
    }

    /** Width / height, e.g. 0.5625 for 9:16. */
    public double aspect() {
        return (double) width / height;
    }
}
