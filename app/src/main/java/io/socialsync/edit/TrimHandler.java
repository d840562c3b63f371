package io.socialsync.edit;

import io.socialsync.jobs.JobContext;
import io.socialsync.jobs.JobHandler;
import io.socialsync.jobs.JobKind;
import io.socialsync.jobs.JobSpec;
import io.socialsync.media.edit.EditOperation;
import io.socialsync.media.edit.TrimMode;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/** EDIT_TRIM: one input, cut from start_ms to end_ms (mode accurate or copy). */
@Component
public class TrimHandler implements JobHandler {
    public static final String KIND = "EDIT_TRIM";
    public static final JobKind<Payload> JOB = JobKind.of(KIND, Payload.class);

    public record Payload(List<EditInput> inputs, long startMs, long endMs, String mode) implements EditPayload {
    }
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
        return edits.run(ctx, JOB, "trim", (p, inputs) -> new EditOperation.Trim(inputs.getFirst(),
                Duration.ofMillis(p.startMs()), Duration.ofMillis(p.endMs()),
                "copy".equals(p.mode()) ? TrimMode.KEYFRAME_COPY : TrimMode.ACCURATE));
    }
}
