package io.socialsync.webapp;

import io.socialsync.publish.PublicationState;
import io.socialsync.publish.scheduling.CalendarEntry;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A post as the calendar shows it: at its account's wall-clock time, with that zone's abbreviation (CET, CEST), so a
 * post in the hour a DST change repeats is still told apart; its state in words and a mark, never by colour alone.
 */
public record CalendarPost(long id, String handle, String platform, PublicationState state, ZonedDateTime at,
                           String url) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm z", Locale.ENGLISH);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm z",
            Locale.ENGLISH);

    static CalendarPost of(CalendarEntry e) {
        var zone = e.zone() == null ? ZoneOffset.UTC : e.zone();
        String handle = e.handle() == null ? "account " + e.socialAccountId() : e.handle();
        // a link an orchestrator reported is shown only if it is a web address (never javascript: and the like)
        String url = e.url() != null && e.url().matches("(?i)https?://.+") ? e.url() : null;
        return new CalendarPost(e.id(), handle, e.platform().wire(), e.state(), e.scheduledFor().atZone(zone), url);
    }

    public LocalDate day() {
        return at.toLocalDate();
    }

    public int hour() {
        return at.getHour();
    }

    /** "19:00 CET". */
    public String time() {
        return time(at);
    }

    static String time(ZonedDateTime at) {
        return TIME.format(at);
    }

    /** The value of a datetime-local input: the account's wall clock. */
    public String local() {
        return LOCAL.format(at);
    }

    public String zone() {
        return at.getZone().getId();
    }

    /** The state as a person reads it: PENDING is "queued". */
    public String status() {
        return state == PublicationState.PENDING ? "queued" : state.wire();
    }

    public String mark() {
        return switch (state) {
            case POSTED -> "✓";
            case FAILED -> "✗";
            case UNCONFIRMED -> "?";
            case PENDING, PUBLISHING -> "…";
            default -> "◷";
        };
    }

    /** Rescheduling takes scheduled and queued posts only; the server says so too, this only hides the handle. */
    public boolean movable() {
        return state == PublicationState.SCHEDULED || state == PublicationState.PENDING;
    }

    public boolean unconfirmed() {
        return state == PublicationState.UNCONFIRMED;
    }

    /** What a screen reader says for the post. */
    public String describe() {
        return handle + " on " + platform + ", " + status() + ", " + LONG.format(at) + " (" + zone() + ")";
    }
}
