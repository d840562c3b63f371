package io.socialsync.edit;

import io.socialsync.jobs.JobKind;
import io.socialsync.media.edit.EditOperation;
import io.socialsync.media.edit.TrimMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/** EDIT_TRIM: one input, cut from start_ms to end_ms (mode accurate or copy). */
@Component
public class TrimHandler extends EditHandler<TrimHandler.Payload> {
    public static final String KIND = "EDIT_TRIM";
    public static final JobKind<Payload> JOB = JobKind.of(KIND, Payload.class);

    public record Payload(List<EditInput> inputs, long startMs, long endMs, String mode, String sessionId)
            implements EditPayload {
        public Payload(List<EditInput> inputs, long startMs, long endMs, String mode) {
            this(inputs, startMs, endMs, mode, null);
        }
    }

    public TrimHandler(EditJobs edits) {
        super(edits, JOB, "trim", Duration.ofMinutes(30));
    }

    @Override
    EditOperation plan(Payload p, List<Path> inputs) {
        return new EditOperation.Trim(inputs.getFirst(), Duration.ofMillis(p.startMs()), Duration.ofMillis(p.endMs()),
                "copy".equals(p.mode()) ? TrimMode.KEYFRAME_COPY : TrimMode.ACCURATE);
    }
}
