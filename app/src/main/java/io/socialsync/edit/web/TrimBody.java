package io.socialsync.edit.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.socialsync.domain.Invalid;
import io.socialsync.edit.EditInput;
import io.socialsync.edit.EditRequest;
import io.socialsync.edit.TrimHandler;
import io.socialsync.edit.UrlDownloads;
import java.util.List;

/**
 * {@code POST /process/video/trim}. Times in seconds; the seed's {@code video_url}, {@code start_time} and
 * {@code end_time} are accepted too.
 */
public record TrimBody(InputBody input, String videoUrl, @JsonAlias("start_time") Double start,
                       @JsonAlias("end_time") Double end, String mode, String sessionId) {

    EditRequest validated(UrlDownloads urls, String idempotencyKey) {
        var errors = new Invalid.Collector();
        EditInput in = Times.input(input, videoUrl, errors, urls);
        if (start == null) errors.add("start", "is required");
        else if (start < 0) errors.add("start", "must be >= 0");
        if (end == null) errors.add("end", "is required");
        else if (start != null && end <= start) errors.add("end", "must be greater than start");
        String m = mode == null ? "accurate" : mode;
        if (!m.equals("accurate") && !m.equals("copy")) errors.add("mode", "must be accurate or copy");
        String session = Times.sessionId(sessionId, errors);
        errors.throwIfAny();
        return new EditRequest(TrimHandler.KIND, new TrimHandler.Payload(List.of(in), Times.millis(start),
                Times.millis(end), m, session), idempotencyKey);
    }
}
