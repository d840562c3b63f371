package io.socialsync.accounts;

import java.time.Instant;

/**
 * Where an account's token refresh stands: the last success, and the temporary failures since (a platform's 5xx,
 * no answer) with when to try again. A refused refresh token is not here: that makes the account needs_reauth.
 */
public record RefreshState(Instant refreshedAt, int failures, Instant retryAt, String error) {
    public static final RefreshState NONE = new RefreshState(null, 0, null, null);

    /** A refresh that worked, or a new token from the user: the failures before it no longer matter. */
    public static RefreshState succeeded(Instant at) {
        return new RefreshState(at, 0, null, null);
    }

    public RefreshState failed(String why, Instant retry) {
        return new RefreshState(refreshedAt, failures + 1, retry, why);
    }

    /** A new token from the user: keeps when we last refreshed, forgets the failures. */
    public RefreshState cleared() {
        return new RefreshState(refreshedAt, 0, null, null);
    }
}
