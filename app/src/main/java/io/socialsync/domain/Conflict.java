package io.socialsync.domain;

/** The resource exists but its state forbids the request (already cancelled, not rendered yet...). */
public final class Conflict extends DomainException {
    public Conflict(String detail) {
        super("Conflict", detail);
    }
}
