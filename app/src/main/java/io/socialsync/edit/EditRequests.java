package io.socialsync.edit;

import io.socialsync.jobs.Job;
import io.socialsync.jobs.JobQueue;
import io.socialsync.jobs.JobRequest;
import io.socialsync.ledger.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Turns a validated request into a job, after checking its inputs belong to the caller's workspace. */
@Service
public class EditRequests {
    private final InputSources sources;
    private final JobQueue jobs;

    public EditRequests(InputSources sources, JobQueue jobs) {
        this.sources = sources;
        this.jobs = jobs;
    }

    @Transactional
    public Job submit(long workspaceId, EditRequest request, Actor actor) {
        request.inputs().forEach(input -> sources.check(workspaceId, input));
        var job = JobRequest.of(workspaceId, request.kind(), request.payload());
        if (request.idempotencyKey() != null) {
            job = job.withIdempotencyKey(request.idempotencyKey());
        }
        return jobs.enqueueRequest(job, actor).job();
    }
}
