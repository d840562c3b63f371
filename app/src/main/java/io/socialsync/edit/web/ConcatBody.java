package io.socialsync.edit.web;

import io.socialsync.domain.Invalid;
import io.socialsync.edit.ConcatenateHandler;
import io.socialsync.edit.EditInput;
import io.socialsync.edit.EditRequest;
import io.socialsync.edit.UrlDownloads;
import io.socialsync.media.render.PlatformFormats;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /process/video/concatenate}: {@code inputs} (or the seed's {@code video_urls}) in order, and an
 * optional platform format to normalise to (default: the first input's size and rates).
 */
public record ConcatBody(List<InputBody> inputs, List<String> videoUrls, String targetFormat, String sessionId) {
    static final int MAX_INPUTS = 50;

    EditRequest validated(UrlDownloads urls, String idempotencyKey) {
        var errors = new Invalid.Collector();
        List<InputBody> given = inputs != null ? inputs
                : videoUrls != null ? videoUrls.stream().map(InputBody::ofUrl).toList() : List.of();
        if (inputs != null && videoUrls != null) errors.add("inputs", "give inputs or video_urls, not both");
        if (given.size() < 2) errors.add("inputs", "needs at least two inputs");
        if (given.size() > MAX_INPUTS) errors.add("inputs", "at most " + MAX_INPUTS + " inputs");
        var resolved = new ArrayList<EditInput>();
        for (int i = 0; i < given.size() && i < MAX_INPUTS; i++) {
            InputBody b = given.get(i);
            if (b == null) errors.add("inputs[" + i + "]", "must not be null");
            else resolved.add(b.validated("inputs[" + i + "]", errors, urls));
        }
        if (targetFormat != null) {
            try {
                PlatformFormats.defaults().get(targetFormat);
            } catch (IllegalArgumentException e) {
                errors.add("target_format", e.getMessage());
            }
        }
        String session = Times.sessionId(sessionId, errors);
        errors.throwIfAny();
        return new EditRequest(ConcatenateHandler.KIND, new ConcatenateHandler.Payload(resolved, targetFormat,
                session), idempotencyKey);
    }
}
