package io.socialsync.jobs;

import java.time.Duration;

/**
 * One class per job kind. Each kind sets its own attempts, timeout and how many may run at once on a node.
 * A handler must be idempotent: a job runs at least once, and again after a worker dies mid-way.
 */
public interface JobHandler {

    String kind();

    default int maxAttempts() {
        return 5;
    }

    default Duration timeout() {
        return Duration.ofMinutes(10);
    }

    default int concurrency() {
        return 1;
    }

    /** @return the result, stored as JSON on the job (null for none) */
    Object run(JobContext context) throws Exception;
}
