package io.socialsync.jobs;

/** Thrown by a handler when trying again cannot help (bad input, rejected by a platform): no more attempts. */
public class JobFailure extends RuntimeException {
    public JobFailure(String message) {
        super(message);
    }

    public JobFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
