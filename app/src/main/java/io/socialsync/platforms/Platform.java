package io.socialsync.platforms;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The platforms SocialSync publishes to. On the wire and in the database: the lower-case name. */
public enum Platform {
    INSTAGRAM, TIKTOK, YOUTUBE, FACEBOOK;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Platform> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String wire = s.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.wire().equals(wire)).findFirst();
    }

    /** For messages: every platform's wire name, in declaration order. */
    public static String choices() {
        return Arrays.stream(values()).map(Platform::wire).collect(Collectors.joining(", "));
    }
}
