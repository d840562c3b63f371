package io.socialsync.media.edit;

import java.awt.Color;
import java.util.Locale;
import java.util.Map;

/** Colour names the seed API accepted ({@code white}, ...) plus hex. */
public final class TextColor {
    private static final Map<String, Color> NAMES = Map.ofEntries(Map.entry("white", Color.WHITE),
            Map.entry("black", Color.BLACK), Map.entry("red", Color.RED), Map.entry("green", new Color(0, 128, 0)),
            Map.entry("lime", Color.GREEN), Map.entry("blue", Color.BLUE), Map.entry("yellow", Color.YELLOW),
            Map.entry("cyan", Color.CYAN), Map.entry("magenta", Color.MAGENTA), Map.entry("orange", Color.ORANGE),
            Map.entry("pink", Color.PINK), Map.entry("gray", Color.GRAY), Map.entry("grey", Color.GRAY));

    private TextColor() {}

    /** Public so the API can answer a bad colour with a 400 on the field instead of a failed job. */
    public static Color parse(String s) {
        if (s == null || s.isBlank()) throw new IllegalArgumentException("colour is empty");
        String k = s.strip().toLowerCase(Locale.ROOT);
        Color named = NAMES.get(k);
        if (named != null) return named;
        if (k.matches("#[0-9a-f]{6}")) return new Color(Integer.parseInt(k.substring(1), 16));
        if (k.matches("#[0-9a-f]{8}")) {
            long v = Long.parseLong(k.substring(1), 16); // RRGGBBAA: alpha last, unlike java.awt's ARGB
            return new Color((int) (v >>> 24) & 0xff, (int) (v >>> 16) & 0xff, (int) (v >>> 8) & 0xff, (int) v & 0xff);
        }
        throw new IllegalArgumentException("unknown colour '" + s + "'; use a name like white or #RRGGBB[AA]");
    }
}
