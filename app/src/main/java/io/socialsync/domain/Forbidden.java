package io.socialsync.domain;

/** The caller is known but may not do this (its key's role is too low). */
public final class Forbidden extends DomainException {
    public Forbidden(String detail) {
        super("Forbidden", detail);
    }
}
