package io.socialsync.publish.runs;

/**
 * Ends a PUBLISH attempt so the job queue runs it again after its backoff: a temporary platform problem, or an
 * unknown outcome to ask about again. Not a {@link io.socialsync.jobs.JobFailure}: more attempts can help.
 */
class PublishRetry extends RuntimeException {
    PublishRetry(String message) {
        super(message, null, false, false); // expected, not a bug: no stack trace in the logs
    }
}
