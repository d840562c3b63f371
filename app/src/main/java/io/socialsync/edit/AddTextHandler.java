package io.socialsync.edit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.socialsync.jobs.JobKind;
import io.socialsync.media.edit.EditOperation;
import io.socialsync.media.edit.TextPosition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/** EDIT_ADD_TEXT: one input, text at a position, size and colour, from start_ms to end_ms when they are set. */
@Component
public class AddTextHandler extends EditHandler<AddTextHandler.Payload> {
    public static final String KIND = "EDIT_ADD_TEXT";
    public static final JobKind<Payload> JOB = JobKind.of(KIND, Payload.class);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Payload(List<EditInput> inputs, String text, String position, int fontSize, String color,
                          Long startMs, Long endMs, String sessionId) implements EditPayload {
        public Payload(List<EditInput> inputs, String text, String position, int fontSize, String color,
                       Long startMs, Long endMs) {
            this(inputs, text, position, fontSize, color, startMs, endMs, null);
        }
    }

    public AddTextHandler(EditJobs edits) {
        super(edits, JOB, "add_text", Duration.ofHours(1));
    }

    @Override
    EditOperation plan(Payload p, List<Path> inputs) {
        return new EditOperation.AddText(inputs.getFirst(), p.text(), TextPosition.parse(p.position()), p.fontSize(),
                p.color(), millis(p.startMs()), millis(p.endMs()));
    }

    private static Duration millis(Long ms) {
        return ms == null ? null : Duration.ofMillis(ms);
    }
}
