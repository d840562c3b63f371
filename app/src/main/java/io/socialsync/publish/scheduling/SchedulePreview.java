package io.socialsync.publish.scheduling;

import java.time.Instant;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/** {@link SchedulingService#preview}: the slot a request would get now, with its warnings, or its rejection. */
@NamedInterface("scheduling")
public sealed interface SchedulePreview permits SchedulePreview.Planned, ScheduleOutcome.Rejected {

    /** {@code requested}: the time asked for (null for auto and immediate); no window end marks an immediate post. */
    @NamedInterface("scheduling")
    record Planned(Plan plan, Instant windowEnd, Instant requested, int rulesVersion, String reason,
                   List<ScheduleWarning> warnings) implements SchedulePreview {
        public Planned {
            warnings = List.copyOf(warnings);
        }

        public Instant slot() {
            return plan.slot();
        }

        public List<String> adjustments() {
            return plan.adjustments().stream().map(Adjustment::describe).toList();
        }
    }
}
