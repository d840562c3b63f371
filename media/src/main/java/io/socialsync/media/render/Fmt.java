package io.socialsync.media.render;

import io.socialsync.media.probe.FrameRate;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as they go into filter strings: always a dot, never an exponent, at most four decimals. Locale-free and
 * stable, so the same preset always yields byte-identical FFmpeg arguments.
 */
public final class Fmt {
    private Fmt() {}

    public static String num(double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("not a finite number: " + v);
        BigDecimal d = BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    /** Rounds {@code v} to {@code decimals} places, so stored parameters equal what the filters receive. */
    public static double round(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /** Largest even integer not above {@code v} (at least 2): x264 and yuv420p need even sizes. */
    public static int even(double v) {
        return Math.max(2, ((int) Math.floor(v)) & ~1);
    }

    /** A frame rate for the {@code fps} filter: {@code 30} or {@code 30000/1001}. */
    public static String rate(FrameRate r) {
        return r.denominator() == 1 ? Long.toString(r.numerator()) : r.numerator() + "/" + r.denominator();
    }

    /** Seconds for {@code -ss}/{@code -t}: microsecond precision is finer than any frame. */
    public static String seconds(java.time.Duration d) {
        return BigDecimal.valueOf(d.toNanos(), 9).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }
}
