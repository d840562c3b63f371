package io.socialsync.media.render;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A variant's resolved parameters. Stored with the rendered variant together with {@code seed}, so the exact same
 * variant can be rendered again ({@link Presets#resolve} with the same name and seed gives an equal record).
 *
 * @param name what was asked for: {@code none}, {@code random}, {@code zoom+mirror}, ...
 * @param zoom centre zoom factor, 1 = none
 * @param brightness eq brightness offset, 0 = none
 * @param hueDegrees hue rotation, 0 = none
 * @param speed playback speed, 1 = none; audio follows through atempo so A/V stay in sync
 */
public record Preset(String name, long seed, double zoom, boolean mirror, double brightness, double contrast,
                     double saturation, double hueDegrees, double speed) {

    public static final Preset NONE = new Preset("none", 0, 1, false, 0, 1, 1, 0, 1);

    public Preset {
        Objects.requireNonNull(name, "name");
        if (zoom < 1 || zoom > 4) throw new IllegalArgumentException("zoom must be in [1, 4]: " + zoom);
        if (contrast <= 0 || saturation < 0) throw new IllegalArgumentException("contrast/saturation out of range");
        if (speed < 0.25 || speed > 4) throw new IllegalArgumentException("speed must be in [0.25, 4]: " + speed);
    }

    public boolean hasColor() {
        return brightness != 0 || contrast != 1 || saturation != 1 || hueDegrees != 0;
    }

    /** The effects that actually change something (a drawn zoom of exactly 1.000 is no zoom). */
    public Set<PresetEffect> effects() {
        Set<PresetEffect> s = EnumSet.noneOf(PresetEffect.class);
        if (zoom != 1) s.add(PresetEffect.ZOOM);
        if (mirror) s.add(PresetEffect.MIRROR);
        if (hasColor()) s.add(PresetEffect.COLOR);
        if (speed != 1) s.add(PresetEffect.SPEED);
        return s;
    }

    /** Human summary for logs and the UI, e.g. {@code zoom+mirror (seed 42): zoom 1.063, mirrored}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (zoom != 1) parts.add("zoom " + Fmt.num(zoom));
        if (mirror) parts.add("mirrored");
        if (hasColor()) {
            parts.add("brightness " + Fmt.num(brightness) + ", contrast " + Fmt.num(contrast) + ", saturation "
                    + Fmt.num(saturation) + ", hue " + Fmt.num(hueDegrees) + "°");
        }
        if (speed != 1) parts.add("speed " + Fmt.num(speed) + "x");
        return name + " (seed " + seed + "): " + (parts.isEmpty() ? "unchanged" : String.join(", ", parts));
    }
}
