package io.socialsync.media.probe;

import java.time.Duration;

/**
 * Upper bounds for accepted inputs. {@code maxPixels} is the largest frame any H.264 or HEVC level allows
 * (level 6.2: 139,264 macroblocks, 8192×4320): a bigger frame is outside what encoders, hardware decoders and
 * platforms handle, and one decoded 8000×8000 frame alone is ~96 MB, so such files are refused up front with a
 * reason rather than left to fail somewhere in the analysis.
 */
public record ValidationLimits(Duration maxDuration, long maxBytes, int maxDimension, long maxPixels) {
    public static final long LEVEL_6_2_PIXELS = 139_264L * 256;
    public static final ValidationLimits DEFAULTS = new ValidationLimits(Duration.ofHours(4), 4L << 30, 8192);

    public ValidationLimits {
        if (maxDuration.isNegative() || maxDuration.isZero() || maxBytes <= 0 || maxDimension <= 0 || maxPixels <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public ValidationLimits(Duration maxDuration, long maxBytes, int maxDimension) {
        this(maxDuration, maxBytes, maxDimension, LEVEL_6_2_PIXELS);
    }
}
