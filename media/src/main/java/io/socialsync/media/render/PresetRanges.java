package io.socialsync.media.render;

/**
 * Bounds random preset parameters are drawn from. Kept light on purpose: the variant must still look like the
 * original clip, and a bigger speed change is audible.
 */
public record PresetRanges(double zoomMax, double brightness, double contrastMin, double contrastMax,
                           double saturationMin, double saturationMax, double hueDegrees, double speedMin,
                           double speedMax) {

    public static final PresetRanges DEFAULT = new PresetRanges(1.10, 0.05, 0.95, 1.10, 0.9, 1.2, 8, 0.95, 1.08);

    public PresetRanges {
        check(zoomMax >= 1 && zoomMax <= 2, "zoomMax in [1, 2]");
        check(brightness >= 0 && brightness <= 0.3, "brightness in [0, 0.3]");
        check(contrastMin > 0 && contrastMin <= contrastMax && contrastMax <= 2, "0 < contrastMin <= contrastMax <= 2");
        check(saturationMin >= 0 && saturationMin <= saturationMax && saturationMax <= 3, "saturation range");
        check(hueDegrees >= 0 && hueDegrees <= 45, "hueDegrees in [0, 45]");
        // atempo handles 0.5–2.0 per instance; beyond that we would chain, but a "light" variant never needs it
        check(speedMin >= 0.5 && speedMin <= speedMax && speedMax <= 2, "0.5 <= speedMin <= speedMax <= 2");
    }

    private static void check(boolean ok, String what) {
        if (!ok) throw new IllegalArgumentException("preset ranges: " + what);
    }
}
