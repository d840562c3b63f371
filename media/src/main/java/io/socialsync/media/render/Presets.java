package io.socialsync.media.render;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Turns a preset name and a seed into parameters. Every parameter is always drawn, in a fixed order, whatever the
 * name: so {@code zoom} and {@code zoom+mirror} with the same seed share the same zoom, and adding an effect to
 * this class later must append draws at the end to keep old seeds reproducing.
 */
public final class Presets {
    private Presets() {}

    public static Preset resolve(String name, long seed) {
        return resolve(name, seed, PresetRanges.DEFAULT);
    }

    /** @param name {@code none}, {@code random}, or effects joined by {@code +} ({@code zoom+mirror+color+speed}) */
    public static Preset resolve(String name, long seed, PresetRanges r) {
        String spec = name.strip().toLowerCase(Locale.ROOT);
        SplittableRandom rnd = new SplittableRandom(seed);
        double zoom = Fmt.round(1 + rnd.nextDouble() * (r.zoomMax() - 1), 3);
        double brightness = Fmt.round(uniform(rnd, -r.brightness(), r.brightness()), 3);
        double contrast = Fmt.round(uniform(rnd, r.contrastMin(), r.contrastMax()), 3);
        double saturation = Fmt.round(uniform(rnd, r.saturationMin(), r.saturationMax()), 3);
        double hue = Fmt.round(uniform(rnd, -r.hueDegrees(), r.hueDegrees()), 1);
        double speed = Fmt.round(uniform(rnd, r.speedMin(), r.speedMax()), 3);
        Set<PresetEffect> on = switch (spec) {
            case "none" -> EnumSet.noneOf(PresetEffect.class);
            case "random" -> randomEffects(rnd);
            default -> parse(spec);
        };
        boolean color = on.contains(PresetEffect.COLOR);
        // a drawn value can round to "no change" (speed 1.000); a random variant must still differ, and mirror
        // always does
        boolean onlyIdentity = spec.equals("random") && !on.contains(PresetEffect.MIRROR)
                && (!on.contains(PresetEffect.ZOOM) || zoom == 1) && (!on.contains(PresetEffect.SPEED) || speed == 1)
                && (!color || (brightness == 0 && contrast == 1 && saturation == 1 && hue == 0));
        return new Preset(spec, seed,
                on.contains(PresetEffect.ZOOM) ? zoom : 1,
                on.contains(PresetEffect.MIRROR) || onlyIdentity,
                color ? brightness : 0, color ? contrast : 1, color ? saturation : 1, color ? hue : 0,
                on.contains(PresetEffect.SPEED) ? speed : 1);
    }

    private static Set<PresetEffect> parse(String spec) {
        Set<PresetEffect> on = EnumSet.noneOf(PresetEffect.class);
        for (String part : spec.split("\\+")) on.add(PresetEffect.parse(part));
        return on;
    }

    /** Each effect with even odds, at least one: a "random" variant that changes nothing would be a duplicate. */
    private static Set<PresetEffect> randomEffects(SplittableRandom rnd) {
        PresetEffect[] all = PresetEffect.values();
        Set<PresetEffect> on = EnumSet.noneOf(PresetEffect.class);
        for (PresetEffect e : all) {
            if (rnd.nextBoolean()) on.add(e);
        }
        if (on.isEmpty()) on.add(all[rnd.nextInt(all.length)]);
        return on;
    }

    private static double uniform(SplittableRandom rnd, double lo, double hi) {
        return lo + rnd.nextDouble() * (hi - lo);
    }
}
