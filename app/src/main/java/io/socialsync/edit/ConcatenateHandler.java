package io.socialsync.edit;

import io.socialsync.jobs.JobContext;
import io.socialsync.jobs.JobHandler;
import io.socialsync.jobs.JobSpec;
import io.socialsync.media.edit.EditOperation;
import io.socialsync.media.render.PlatformFormats;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** EDIT_CONCATENATE: {@code {inputs: [two or more], target_format?}}; see {@link EditOperation.Concatenate}. */
@Component
public class ConcatenateHandler implements JobHandler {
    public static final String KIND = "EDIT_CONCATENATE";
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
        return edits.run(ctx, "concatenate", (p, inputs) -> new EditOperation.Concatenate(inputs,
                p.hasNonNull("target_format") ? PlatformFormats.defaults().get(p.get("target_format").asString())
                        : null));
    }
}
