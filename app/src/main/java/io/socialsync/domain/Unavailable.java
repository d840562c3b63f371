package io.socialsync.domain;

import java.time.Duration;
import java.util.Optional;

/** The service cannot do this now (not configured, a dependency down); retryAfter, when known, says when to retry. */
public final class Unavailable extends DomainException {
    private final Duration retryAfter;

    public Unavailable(String title, String detail) {
        this(title, detail, null);
    }

    public Unavailable(String title, String detail, Duration retryAfter) {
        super(title, detail);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
