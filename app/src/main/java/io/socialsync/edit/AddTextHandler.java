package io.socialsync.edit;

import io.socialsync.jobs.JobContext;
import io.socialsync.jobs.JobHandler;
import io.socialsync.jobs.JobSpec;
import io.socialsync.media.edit.EditOperation;
import io.socialsync.media.edit.TextPosition;
import java.time.Duration;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** EDIT_ADD_TEXT: {@code {inputs: [one], text, position, font_size, color, start_ms?, end_ms?}}. */
@Component
public class AddTextHandler implements JobHandler {
    public static final String KIND = "EDIT_ADD_TEXT";
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
        return edits.run(ctx, "add_text", (p, inputs) -> new EditOperation.AddText(inputs.getFirst(),
                p.get("text").asString(), TextPosition.parse(p.get("position").asString()),
                p.get("font_size").asInt(), p.get("color").asString(), millis(p, "start_ms"), millis(p, "end_ms")));
    }

    private static Duration millis(JsonNode p, String field) {
        return p.hasNonNull(field) ? Duration.ofMillis(p.get(field).asLong()) : null;
    }
}
