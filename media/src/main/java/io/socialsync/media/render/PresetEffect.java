package io.socialsync.media.render;

import java.util.Locale;

/** The light variations Social-Media-Sync applied to make each upload unique; combinable as {@code zoom+mirror}. */
public enum PresetEffect {
    ZOOM, MIRROR, COLOR, SPEED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts {@code colour} too: British spelling is a common request, not worth an error. */
    public static PresetEffect parse(String s) {
        String k = s.strip().toLowerCase(Locale.ROOT);
        if (k.equals("colour")) return COLOR;
        for (PresetEffect e : values()) {
            if (e.id().equals(k)) return e;
        }
        throw new IllegalArgumentException("unknown preset effect '" + s + "'; known: none, random, zoom, mirror, "
                + "color, speed and combinations like zoom+mirror");
    }
}
