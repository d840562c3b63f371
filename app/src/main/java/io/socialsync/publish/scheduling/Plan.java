package io.socialsync.publish.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** The slot chosen, the end of its day's window, and every move made to get there (empty: as requested). */
public record Plan(Instant slot, Instant windowEnd, List<Adjustment> adjustments) {
    public Plan {
        adjustments = List.copyOf(adjustments);
    }

    public boolean adjusted() {
        return !adjustments.isEmpty();
    }

    public String reason() {
        return adjusted() ? adjustments.stream().map(Adjustment::describe).collect(Collectors.joining("; "))
                : "Scheduled at the requested time";
    }
}
