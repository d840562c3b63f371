package io.socialsync.publish.scheduling;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Where planning starts: the requested time to the second, or now (rounded up to a minute) for auto or the past. */
final class Earliest {
    private Earliest() {
    }

    static Instant of(Instant requested, Instant now, List<ScheduleWarning> warnings) {
        Instant soon = now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        if (requested == null) {
            return soon;
        }
        if (requested.isBefore(now)) {
            warnings.add(ScheduleWarning.of(ScheduleWarning.PAST, "Requested time " + requested
                    + " is in the past: planned from now"));
            return soon;
        }
        return requested.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The plan as the ledger should tell it: a past request was moved, and that move comes first. */
    static Plan told(Instant requested, Instant now, Plan plan) {
        if (requested == null || !requested.isBefore(now)) {
            return plan;
        }
        Instant from = requested.truncatedTo(ChronoUnit.SECONDS);
        return plan.after(new Adjustment.InThePast(from, now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES)));
    }
}
