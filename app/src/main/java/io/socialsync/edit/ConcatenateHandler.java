package io.socialsync.edit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.socialsync.jobs.JobKind;
import io.socialsync.media.edit.EditOperation;
import io.socialsync.media.render.PlatformFormats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/** EDIT_CONCATENATE: two or more inputs, optionally to a target format; see {@link EditOperation.Concatenate}. */
@Component
public class ConcatenateHandler extends EditHandler<ConcatenateHandler.Payload> {
    public static final String KIND = "EDIT_CONCATENATE";
    public static final JobKind<Payload> JOB = JobKind.of(KIND, Payload.class);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Payload(List<EditInput> inputs, String targetFormat, String sessionId) implements EditPayload {
        public Payload(List<EditInput> inputs, String targetFormat) {
            this(inputs, targetFormat, null);
        }
    }

    public ConcatenateHandler(EditJobs edits) {
        super(edits, JOB, "concatenate", Duration.ofHours(1));
    }

    @Override
    EditOperation plan(Payload p, List<Path> inputs) {
        return new EditOperation.Concatenate(inputs,
                p.targetFormat() == null ? null : PlatformFormats.defaults().get(p.targetFormat()));
    }
}
