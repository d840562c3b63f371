package io.socialsync.platforms;

import java.time.Duration;

/**
 * A refused ads call, sorted by what a person (or SocialSync) can do about it; {@code message} says it in words,
 * with the platform's own text and codes.
 *
 * @param retryAfter when {@link Kind#RATE_LIMITED}: how long to wait before the next call
 */
public record AdsFailure(Kind kind, String message, Duration retryAfter) {

    public enum Kind {
        /** The token is expired or revoked: reconnect the ad account. */
        REAUTH,
        /** Too many calls (codes 4, 17, 613, 80004, HTTP 429): nothing happened, try again after retryAfter. */
        RATE_LIMITED,
        /** The budget is under the platform's minimum for this account and goal. */
        BUDGET_TOO_LOW,
        /** The targeting (countries, ages, interests) was refused. */
        INVALID_TARGETING,
        /** The token may not manage this ad account, page or Instagram account. */
        PERMISSION,
        /** 5xx, transient errors, no connection: the same call may work later. */
        TEMPORARY,
        /** Anything else the platform refused. */
        REFUSED
    }

    /** Trying the same call again, later, may work. */
    public boolean retryable() {
        return kind == Kind.RATE_LIMITED || kind == Kind.TEMPORARY;
    }
}
