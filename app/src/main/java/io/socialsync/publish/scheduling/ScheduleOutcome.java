package io.socialsync.publish.scheduling;

import io.socialsync.publish.Publication;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/** The seed's two answers: scheduled (with why the time moved, if it did) or rejected (with why). */
@NamedInterface("scheduling")
public sealed interface ScheduleOutcome {
    /** {@code created} is false when an idempotency key replayed an earlier request. */
    @NamedInterface("scheduling")
    record Scheduled(Publication publication, String reason, List<String> adjustments, List<ScheduleWarning> warnings,
                     boolean created) implements ScheduleOutcome {
    }

    @NamedInterface("scheduling")
    record Rejected(String reason) implements ScheduleOutcome, SchedulePreview {
    }
}
