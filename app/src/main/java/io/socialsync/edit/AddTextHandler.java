package io.socialsync.edit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.socialsync.jobs.JobContext;
import io.socialsync.jobs.JobHandler;
import io.socialsync.jobs.JobKind;
import io.socialsync.jobs.JobSpec;
import io.socialsync.media.edit.EditOperation;
import io.socialsync.media.edit.TextPosition;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/** EDIT_ADD_TEXT: one input, text at a position, size and colour, from start_ms to end_ms when they are set. */
@Component
public class AddTextHandler implements JobHandler {
    public static final String KIND = "EDIT_ADD_TEXT";
    public static final JobKind<Payload> JOB = JobKind.of(KIND, Payload.class);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Payload(List<EditInput> inputs, String text, String position, int fontSize, String color,
                          Long startMs, Long endMs) implements EditPayload {
    }
    private final EditJobs edits;

    public AddTextHandler(EditJobs edits) {
        this.edits = edits;
    }

    @Override
    public JobSpec spec() {
        return new JobSpec(KIND, 3, Duration.ofHours(1), 1);
    }

    @Override
    public Object run(JobContext ctx) {
        return edits.run(ctx, JOB, "add_text", (p, inputs) -> new EditOperation.AddText(inputs.getFirst(), p.text(),
                TextPosition.parse(p.position()), p.fontSize(), p.color(), millis(p.startMs()), millis(p.endMs())));
    }

    private static Duration millis(Long ms) {
        return ms == null ? null : Duration.ofMillis(ms);
    }
}
