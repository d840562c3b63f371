package io.socialsync.media.render;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code atempo} chains for a speed factor. One instance accepts 0.5–100, but above 2 it skips samples instead of
 * blending them, so larger changes are split into factors within 0.5–2.0 whose product is the speed.
 */
public final class Atempo {
    private Atempo() {}

    public static List<Double> factors(double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) throw new IllegalArgumentException("speed must be > 0: " + speed);
        List<Double> out = new ArrayList<>();
        double rest = speed;
        while (rest > 2.0) {
            out.add(2.0);
            rest /= 2.0;
        }
        while (rest < 0.5) {
            out.add(0.5);
            rest /= 0.5;
        }
        out.add(rest);
        return out;
    }

    /** {@code atempo=1.5} or {@code atempo=2,atempo=1.5}; empty for speed 1. */
    public static String filter(double speed) {
        if (speed == 1) return "";
        return factors(speed).stream().map(f -> "atempo=" + Fmt.num(f)).collect(Collectors.joining(","));
    }
}
