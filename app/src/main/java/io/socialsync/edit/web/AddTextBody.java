package io.socialsync.edit.web;

import io.socialsync.domain.Invalid;
import io.socialsync.edit.AddTextHandler;
import io.socialsync.edit.EditInput;
import io.socialsync.edit.EditRequest;
import io.socialsync.edit.UrlDownloads;
import io.socialsync.media.edit.TextColor;
import io.socialsync.media.edit.TextPosition;
import java.util.List;

/**
 * {@code POST /process/video/add_text}. Defaults are the seed's: centred, 50 px, white, the whole video;
 * {@code start}/{@code end} (seconds) limit when the text shows.
 */
public record AddTextBody(InputBody input, String videoUrl, String text, String position, Integer fontSize,
                          String color, Double start, Double end, String sessionId) {
    static final int MAX_TEXT = 1000;

    EditRequest validated(UrlDownloads urls, String idempotencyKey) {
        var errors = new Invalid.Collector();
        EditInput in = Times.input(input, videoUrl, errors, urls);
        if (text == null || text.isBlank()) errors.add("text", "must not be empty");
        else if (text.length() > MAX_TEXT) errors.add("text", "at most " + MAX_TEXT + " characters");
        String pos = position == null ? "center" : position;
        try {
            TextPosition.parse(pos);
        } catch (IllegalArgumentException e) {
            errors.add("position", e.getMessage());
        }
        int size = fontSize == null ? 50 : fontSize;
        if (size < 4 || size > 1000) errors.add("font_size", "must be between 4 and 1000");
        String colour = color == null ? "white" : color;
        try {
            TextColor.parse(colour);
        } catch (IllegalArgumentException e) {
            errors.add("color", e.getMessage());
        }
        if (start != null && start < 0) errors.add("start", "must be >= 0");
        if (end != null && end <= (start == null ? 0 : start)) errors.add("end", "must be greater than start");
        String session = Times.sessionId(sessionId, errors);
        errors.throwIfAny();
        return new EditRequest(AddTextHandler.KIND, new AddTextHandler.Payload(List.of(in), text, pos, size, colour,
                start == null ? null : Times.millis(start), end == null ? null : Times.millis(end), session),
                idempotencyKey);
    }
}
