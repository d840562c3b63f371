package io.socialsync.publish.web;

import io.socialsync.publish.Publication;
import io.socialsync.publish.scheduling.ScheduleOutcome;
import io.socialsync.publish.scheduling.ScheduleWarning;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The seed's answer to a schedule request ({@code publish_log_id}, {@code status} scheduled|rejected,
 * {@code reason}, {@code scheduled_for}, {@code scheduled_window_end}), plus each adjustment and any warnings
 * ({@code near_post}, {@code same_clip_same_platform}, ...: never a rejection).
 */
@NullMarked
public record ScheduleResponse(String publishLogId, String status, @Nullable String reason,
                               @Nullable Instant scheduledFor, @Nullable Instant scheduledWindowEnd,
                               @Nullable Integer rulesVersion, List<String> adjustments, List<WarningView> warnings) {

    static ScheduleResponse of(ScheduleOutcome outcome) {
        return switch (outcome) {
            case ScheduleOutcome.Scheduled s -> scheduled(s.publication(), s.reason(), s.adjustments(), s.warnings());
            case ScheduleOutcome.Rejected r -> new ScheduleResponse("", "rejected", r.reason(), null, null, null,
                    List.of(), List.of());
        };
    }

    static ScheduleResponse scheduled(Publication p, String reason, List<String> adjustments,
                                      List<ScheduleWarning> warnings) {
        return new ScheduleResponse(String.valueOf(p.id()), p.state().wire(), reason, p.scheduledFor(), p.windowEnd(),
                p.rulesVersion(), adjustments, WarningView.of(warnings));
    }
}
