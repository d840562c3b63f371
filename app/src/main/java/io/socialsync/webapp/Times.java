package io.socialsync.webapp;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as pages show them: always with their zone (UTC until a person has a zone of their own). */
public final class Times {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ZONED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Times() {
    }

    public static String show(Instant at) {
        return at == null ? "" : FORMAT.format(at);
    }

    /** In a zone of its own (an account's): the zone's name follows, so the time is never read as UTC. */
    public static String show(Instant at, ZoneId zone) {
        return at == null ? "" : ZONED.format(at.atZone(zone)) + " " + zone.getId();
    }

    /** Seconds as m:ss.t, the way a player shows them. */
    public static String clock(double seconds) {
        long tenths = Math.round(seconds * 10);
        return String.format("%d:%02d.%d", tenths / 600, (tenths / 10) % 60, tenths % 10);
    }
}
