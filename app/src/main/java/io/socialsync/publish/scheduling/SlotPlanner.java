package io.socialsync.publish.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Picks the slot for a post: pure arithmetic, no Spring, no database. Windows are wall-clock hours in the
 * account's zone and are turned into instants per day with {@link ZonedDateTime#of}, which moves a time inside a
 * DST gap forward by the gap's length and takes the earlier offset inside an overlap: a window never drifts by an
 * hour at a DST change and never starts at a local time that does not exist.
 * <p>
 * The loop only ever moves forward, re-checking the window after every gap push, until the slot is inside the
 * window and at least the gap away from its nearest neighbours on both sides. Neighbours are asked for one at a
 * time (nearest before, nearest after), so the cost follows the number of adjustments, not the account's history.
 */
public final class SlotPlanner {
    /** Enough for any real calendar; a request that needs more is refused rather than left spinning. */
    public static final int MAX_STEPS = 1_000;

    private SlotPlanner() {
    }

    /** The account's occupied slots, read with index-backed lookups. */
    public interface Neighbours {
        /** The latest occupied slot at or before {@code t}. */
        Optional<Instant> atOrBefore(Instant t);

        /** The earliest occupied slot strictly after {@code t}. */
        Optional<Instant> after(Instant t);
    }

    public record Request(Instant earliest, ZoneId zone, Window window, Duration minGap) {
    }

    /** @return empty when no slot was found within {@link #MAX_STEPS} adjustments */
    public static Optional<Plan> plan(Request r, Neighbours neighbours) {
        Instant slot = r.earliest();
        List<Adjustment> adjustments = new ArrayList<>();
        for (int step = 0; step < MAX_STEPS; step++) {
            Adjustment move = fitWindow(slot, r.zone(), r.window());
            if (move == null) {
                move = keepGap(slot, r.minGap(), neighbours);
            }
            if (move == null) {
                LocalDate day = slot.atZone(r.zone()).toLocalDate();
                return Optional.of(new Plan(slot, r.window().end(day, r.zone()).toInstant(), adjustments));
            }
            adjustments.add(move);
            slot = move.to();
        }
        return Optional.empty();
    }

    /** Before the window: its start that day. At or after its end: the next day's start. Inside: null. */
    static Adjustment fitWindow(Instant t, ZoneId zone, Window w) {
        LocalDate day = t.atZone(zone).toLocalDate();
        Instant start = w.start(day, zone).toInstant();
        if (t.isBefore(start)) {
            return new Adjustment.BeforeWindow(t, start, w, zone);
        }
        if (!t.isBefore(w.end(day, zone).toInstant())) {
            return new Adjustment.AfterWindow(t, w.start(day.plusDays(1), zone).toInstant(), w, zone);
        }
        return null;
    }

    /** Too close to the nearest post before or after: past that post plus the gap. Far enough: null. */
    static Adjustment keepGap(Instant t, Duration gap, Neighbours neighbours) {
        var before = neighbours.atOrBefore(t);
        if (before.isPresent() && Duration.between(before.get(), t).compareTo(gap) < 0) {
            return new Adjustment.TooClose(t, before.get().plus(gap), before.get(), gap);
        }
        var after = neighbours.after(t);
        if (after.isPresent() && Duration.between(t, after.get()).compareTo(gap) < 0) {
            return new Adjustment.TooClose(t, after.get().plus(gap), after.get(), gap);
        }
        return null;
    }

    /** A daily window {@code [startHour, endHour)} of local time; endHour 24 is the next midnight. */
    public record Window(int startHour, int endHour) {
        public Window {
            if (startHour < 0 || startHour > 23 || endHour < 1 || endHour > 24 || startHour >= endHour) {
                throw new IllegalArgumentException("window " + startHour + "–" + endHour
                        + " is not 0 <= start < end <= 24");
            }
        }

        public ZonedDateTime start(LocalDate day, ZoneId zone) {
            return ZonedDateTime.of(day, LocalTime.of(startHour, 0), zone);
        }

        public ZonedDateTime end(LocalDate day, ZoneId zone) {
            return endHour == 24 ? day.plusDays(1).atStartOfDay(zone)
                    : ZonedDateTime.of(day, LocalTime.of(endHour, 0), zone);
        }

        @Override
        public String toString() {
            return String.format("%02d:00–%02d:00", startHour, endHour);
        }
    }
}
