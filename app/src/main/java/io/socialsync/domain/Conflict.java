package io.socialsync.domain;

/**
 * The resource exists but its state forbids the request (already cancelled, not rendered yet...). Not final: a
 * feature may refine one with the facts behind it, for a page to word in its own terms.
 */
public non-sealed class Conflict extends DomainException {
    public Conflict(String detail) {
        super("Conflict", detail);
    }
}
