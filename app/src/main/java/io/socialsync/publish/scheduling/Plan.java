package io.socialsync.publish.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** The slot chosen, the end of its day's window, and every move made to get there (empty: as requested). */
public record Plan(Instant slot, Instant windowEnd, List<Adjustment> adjustments) {
    public Plan {
        adjustments = List.copyOf(adjustments);
    }

    /** This plan with a move made before planning started (a requested time in the past) as its first. */
    public Plan after(Adjustment first) {
        var all = new java.util.ArrayList<Adjustment>(adjustments.size() + 1);
        all.add(first);
        all.addAll(adjustments);
        return new Plan(slot, windowEnd, all);
    }

    public boolean adjusted() {
        return !adjustments.isEmpty();
    }

    public String reason() {
        return adjusted() ? adjustments.stream().map(Adjustment::describe).collect(Collectors.joining("; "))
                : "Scheduled at the requested time";
    }
}
