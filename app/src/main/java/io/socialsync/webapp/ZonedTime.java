package io.socialsync.webapp;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** An instant as an account sees it: its local date and time, the zone's short name and its IANA id. */
public record ZonedTime(String local, String zone, String utc, String iso) {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz",
            Locale.ENGLISH);

    static ZonedTime of(Instant at, ZoneId zone) {
        return new ZonedTime(LOCAL.format(at.atZone(zone)), zone.getId(), Times.show(at), at.toString());
    }

    /** "Mon 2030-01-07 19:00 CET (Europe/Paris)": never a time without its zone. */
    public String text() {
        return local + " (" + zone + ")";
    }
}
