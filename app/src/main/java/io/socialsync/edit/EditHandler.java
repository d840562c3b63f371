package io.socialsync.edit;

import io.socialsync.jobs.JobContext;
import io.socialsync.jobs.JobHandler;
import io.socialsync.jobs.JobKind;
import io.socialsync.jobs.JobSpec;
import io.socialsync.media.edit.EditOperation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** One edit kind: its payload record and how it becomes an {@link EditOperation}; {@link EditJobs} does the rest. */
abstract class EditHandler<P extends Record & EditPayload> implements JobHandler {
    private final EditJobs edits;
    private final JobKind<P> job;
    private final String operation;
    private final Duration timeout;

    /** @param operation the operation's name in results and asset rows ("trim", "add_text", "concatenate") */
    EditHandler(EditJobs edits, JobKind<P> job, String operation, Duration timeout) {
        this.edits = edits;
        this.job = job;
        this.operation = operation;
        this.timeout = timeout;
    }

    /** Builds the operation from the payload and the inputs' local files, in the payload's order. */
    abstract EditOperation plan(P payload, List<Path> inputs);

    @Override
    public final JobSpec spec() {
        return new JobSpec(job.name(), 3, timeout, 1);
    }

    @Override
    public final Object run(JobContext ctx) {
        return edits.run(ctx, job, operation, this::plan);
    }
}
