package io.socialsync.meta;

import java.util.Locale;

/** Which of Meta's webhook objects a change came from: {@code page} (Facebook) or {@code instagram}. */
public enum MetaPlatform {
    FACEBOOK, INSTAGRAM;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MetaPlatform parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
