package io.socialsync.media.probe;

import java.time.Duration;

/** Upper bounds for accepted inputs. */
public record ValidationLimits(Duration maxDuration, long maxBytes, int maxDimension) {
    public static final ValidationLimits DEFAULTS = new ValidationLimits(Duration.ofHours(4), 4L << 30, 8192);

    public ValidationLimits {
        if (maxDuration.isNegative() || maxDuration.isZero() || maxBytes <= 0 || maxDimension <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
