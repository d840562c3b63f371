package io.socialsync.media.ffmpeg;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * One {@code -progress} block. {@code total} is the output duration the caller expects (FFmpeg does not know it
 * when filters or {@code -t} change it); {@link Duration#ZERO} when unknown.
 */
public record Progress(Duration outTime, Duration total, long frame, double speed, boolean done) {

    /** 0–100, or empty when no total is known. */
    public OptionalDouble percent() {
        if (total.isZero() || total.isNegative()) return OptionalDouble.empty();
        if (done) return OptionalDouble.of(100);
        double pct = 100.0 * outTime.toNanos() / total.toNanos();
        return OptionalDouble.of(Math.clamp(pct, 0, 100));
    }
}
