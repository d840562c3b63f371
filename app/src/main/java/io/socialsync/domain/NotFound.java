package io.socialsync.domain;

/** No such resource in the caller's workspace (another workspace's resource is not found either). */
public final class NotFound extends DomainException {
    public NotFound(String what, Object id) {
        super("Not found", what + " " + id + " does not exist");
    }
}
