package io.socialsync.people;

/**
 * A login, refresh or link that does not authenticate: 401 with one sentence that never says which part was
 * wrong, or 429 with the seconds to wait when the account or address failed too often.
 */
public final class AuthRefused extends RuntimeException {
    private final long retryAfterSeconds;

    private AuthRefused(String detail, long retryAfterSeconds) {
        super(detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static AuthRefused unauthorized(String detail) {
        return new AuthRefused(detail, 0);
    }

    static AuthRefused throttled(long seconds) {
        return new AuthRefused("too many failed logins for this account or from this address; retry after "
                + seconds + " s", seconds);
    }

    public boolean throttled() {
        return retryAfterSeconds > 0;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
