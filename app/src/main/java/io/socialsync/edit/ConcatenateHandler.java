package io.socialsync.edit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.socialsync.jobs.JobContext;
import io.socialsync.jobs.JobHandler;
import io.socialsync.jobs.JobKind;
import io.socialsync.jobs.JobSpec;
import io.socialsync.media.edit.EditOperation;
import io.socialsync.media.render.PlatformFormats;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/** EDIT_CONCATENATE: two or more inputs, optionally to a target format; see {@link EditOperation.Concatenate}. */
@Component
public class ConcatenateHandler implements JobHandler {
    public static final String KIND = "EDIT_CONCATENATE";
    public static final JobKind<Payload> JOB = JobKind.of(KIND, Payload.class);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Payload(List<EditInput> inputs, String targetFormat) implements EditPayload {
    }
    private final EditJobs edits;

    public ConcatenateHandler(EditJobs edits) {
        this.edits = edits;
    }

    @Override
    public JobSpec spec() {
        return new JobSpec(KIND, 3, Duration.ofHours(1), 1);
    }

    @Override
    public Object run(JobContext ctx) {
        return edits.run(ctx, JOB, "concatenate", (p, inputs) -> new EditOperation.Concatenate(inputs,
                p.targetFormat() == null ? null : PlatformFormats.defaults().get(p.targetFormat())));
    }
}
