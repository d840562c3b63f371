package io.socialsync.edit;

import io.socialsync.jobs.JobContext;
import io.socialsync.jobs.JobHandler;
import io.socialsync.jobs.JobSpec;
import io.socialsync.media.edit.EditOperation;
import io.socialsync.media.edit.TrimMode;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** EDIT_TRIM: {@code {inputs: [one], start_ms, end_ms, mode: accurate|copy}}. */
@Component
public class TrimHandler implements JobHandler {
    public static final String KIND = "EDIT_TRIM";
    private final EditJobs edits;

    public TrimHandler(EditJobs edits) {
        this.edits = edits;
    }

    @Override
    public JobSpec spec() {
        return new JobSpec(KIND, 3, Duration.ofMinutes(30), 1);
    }

    @Override
    public Object run(JobContext ctx) {
        return edits.run(ctx, "trim", (p, inputs) -> new EditOperation.Trim(inputs.getFirst(),
                Duration.ofMillis(p.get("start_ms").asLong()), Duration.ofMillis(p.get("end_ms").asLong()),
                "copy".equals(p.path("mode").asString("accurate")) ? TrimMode.KEYFRAME_COPY : TrimMode.ACCURATE));
    }
}
