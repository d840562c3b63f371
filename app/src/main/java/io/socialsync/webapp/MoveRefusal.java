package io.socialsync.webapp;

import io.socialsync.publish.scheduling.PastDeadline;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A refused calendar move as a person reads it: the time dropped on and the nearest allowed one at the account's
 * wall clock with its zone, and the rule in the way ("Fri 11 Jan 10:00 CET is outside instagram's 18:00–23:00
 * window (Europe/Madrid); the nearest allowed time is 18:00 CET.").
 */
final class MoveRefusal {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm z",
            Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm z", Locale.ENGLISH);

    private MoveRefusal() {
    }

    static String sentence(PastDeadline refused, Instant now) {
        var zone = refused.zone();
        ZonedDateTime asked = (refused.requested() == null ? now : refused.requested()).atZone(zone);
        ZonedDateTime slot = refused.slot().atZone(zone);
        String when = DAY_TIME.format(asked);
        String platform = refused.platform().wire();
        String why = switch (refused.why()) {
            case PastDeadline.OutsideWindow w -> when + " is outside " + platform + "'s " + w.window() + " window ("
                    + zone.getId() + ")";
            case PastDeadline.TooClose t -> when + " is within " + t.gap().toMinutes() + " min of another "
                    + platform + " post (" + sameDay(t.neighbour().atZone(zone), asked) + ")";
            case PastDeadline.Passed p -> when + " has already passed";
            case PastDeadline.AsAsked a -> when + " is after the latest time allowed, "
                    + sameDay(refused.deadline().atZone(zone), asked);
        };
        return why + "; the nearest allowed time is " + sameDay(slot, asked) + ".";
    }

    /** "18:00 CET" on the day dropped on, "Sat 12 Jan 18:00 CET" on another. */
    private static String sameDay(ZonedDateTime at, ZonedDateTime asked) {
        return at.toLocalDate().equals(asked.toLocalDate()) ? TIME.format(at) : DAY_TIME.format(at);
    }
}
