package io.socialsync.publish.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** One forward move of a planned slot, with the sentence a person reads in the response and the ledger. */
public sealed interface Adjustment {
    Instant from();

    Instant to();

    String describe();

    record BeforeWindow(Instant from, Instant to, SlotPlanner.Window window, ZoneId zone) implements Adjustment {
        public String describe() {
            return "Before the " + window + " window (" + zone.getId() + "): moved to its start the same day";
        }
    }

    record AfterWindow(Instant from, Instant to, SlotPlanner.Window window, ZoneId zone) implements Adjustment {
        public String describe() {
            return "After the " + window + " window (" + zone.getId() + "): moved to the next day's start";
        }
    }

    record TooClose(Instant from, Instant to, Instant neighbour, Duration gap) implements Adjustment {
        public String describe() {
            return "Adjusted " + human(Duration.between(from, to)) + " forward to respect " + human(gap)
                    + " gap (post at " + neighbour + ")";
        }
    }

    /** Asked for a time already gone: planning starts from the next minute instead (then windows and gaps apply). */
    record InThePast(Instant from, Instant to) implements Adjustment {
        public String describe() {
            return "Requested time " + from + " is in the past: planned from now (" + to + ")";
        }
    }

    /** "5min", "90min", "2min30s": the seed's wording, exact to the second. */
    static String human(Duration d) {
        long seconds = d.toSecondsPart();
        return d.toMinutes() + "min" + (seconds == 0 ? "" : seconds + "s");
    }
}
