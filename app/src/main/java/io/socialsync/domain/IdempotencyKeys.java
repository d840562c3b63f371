package io.socialsync.domain;

/**
 * The Idempotency-Key rules every endpoint that takes the header follows (draft-ietf-httpapi-idempotency-key-header):
 * the same key for the same request answers the first one's result; the same key for another request (another
 * path's resource, kind or body) is a 422 that changes nothing; a first request still in flight is a 409.
 */
public final class IdempotencyKeys {
    private IdempotencyKeys() {
    }

    /** The key was used for another request, described by {@code earlier} (e.g. "job 12"). */
    public static Invalid reused(String earlier) {
        return new Invalid(Invalid.Kind.UNPROCESSABLE, "Idempotency-Key reused",
                "Idempotency-Key was used for another request (" + earlier + "): a repeated request must be the "
                        + "same request, and another request needs another key");
    }

    /** The first request with this key has not finished: repeat this one to get its answer. */
    public static Conflict inFlight(String key) {
        return new Conflict("Idempotency-Key '" + key + "' is being used by a concurrent request; "
                + "repeat the request to get its answer");
    }
}
