package io.socialsync.publish.web;

import io.socialsync.publish.scheduling.ScheduleWarning;
import java.util.List;

/** {@code {code, message, publish_log_id}}: the id of the other publication a warning is about, or null. */
public record WarningView(String code, String message, String publishLogId) {

    static List<WarningView> of(List<ScheduleWarning> warnings) {
        return warnings.stream().map(w -> new WarningView(w.code(), w.message(),
                w.publicationId() == null ? null : String.valueOf(w.publicationId()))).toList();
    }
}
