package io.socialsync.jobs;

/**
 * One class per job kind, with its own {@link JobSpec}. A handler must be idempotent: a job runs at least once,
 * and again after a worker dies mid-way.
 */
public interface JobHandler {

    JobSpec spec();

    /** @return the result, stored as JSON on the job (null for none) */
    Object run(JobContext context) throws Exception;
}
