package io.socialsync.insights;

/**
 * Ends an INSIGHTS attempt so the job queue runs it again after its backoff (429, 5xx, no answer). Not a
 * {@link io.socialsync.jobs.JobFailure}: another attempt can help.
 */
class InsightsRetry extends RuntimeException {
    InsightsRetry(String message) {
        super(message, null, false, false); // expected, not a bug: no stack trace in the logs
    }
}
