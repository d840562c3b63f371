package io.socialsync.media.edit;

import java.util.Locale;

/** Where a text box goes: a named band (centred horizontally) or the box's top-left corner in pixels. */
public sealed interface TextPosition {

    enum Band { TOP, CENTER, BOTTOM }

    record Named(Band band) implements TextPosition {}

    record At(int x, int y) implements TextPosition {}

    /** {@code top}, {@code center} (or {@code centre}, {@code middle}), {@code bottom}, or {@code x,y}. */
    public static TextPosition parse(String s) {
        String k = s.strip().toLowerCase(Locale.ROOT);
        return switch (k) {
            case "top" -> new Named(Band.TOP);
            case "center", "centre", "middle" -> new Named(Band.CENTER);
            case "bottom" -> new Named(Band.BOTTOM);
            default -> {
                String[] xy = k.split("\\s*,\\s*");
                try {
                    if (xy.length == 2) yield new At(Integer.parseInt(xy[0]), Integer.parseInt(xy[1]));
                } catch (NumberFormatException e) {
                    // fall through to the error below
                }
                throw new IllegalArgumentException("position must be top, center, bottom or x,y: '" + s + "'");
            }
        };
    }
}
