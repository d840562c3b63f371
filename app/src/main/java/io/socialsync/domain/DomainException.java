package io.socialsync.domain;

/**
 * A refusal a caller can act on, thrown by feature code that knows nothing of HTTP; the web layer's {@code Problems}
 * renders each kind as RFC 9457 problem+json with its status (404, 409, 400/413/415/422, 403, 503). Title and detail
 * become the problem's {@code title} and {@code detail}.
 */
public sealed abstract class DomainException extends RuntimeException
        permits NotFound, Conflict, Invalid, Forbidden, Unavailable {
    private final String title;

    protected DomainException(String title, String detail) {
        super(detail);
        this.title = title;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }
}
