package io.socialsync.webapp;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as pages show them: always with their zone (UTC until a person has a zone of their own). */
public final class Times {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static String show(Instant at) {
        return at == null ? "" : FORMAT.format(at);
    }

    /** Seconds as m:ss.t, the way a player shows them. */
    public static String clock(double seconds) {
        long tenths = Math.round(seconds * 10);
        return String.format("%d:%02d.%d", tenths / 600, (tenths / 10) % 60, tenths % 10);
    }
}
