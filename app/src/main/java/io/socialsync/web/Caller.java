package io.socialsync.web;

import io.socialsync.domain.Forbidden;

/** The authenticated side of a request: its workspace scopes every query the request makes. */
public record Caller(long workspaceId, long apiKeyId, Role role) {

    /** Throws 403 unless this caller's role allows {@code required}. */
    public Caller require(Role required) {
        if (!role.allows(required)) {
            throw new Forbidden("this action needs the " + required.wire() + " role; the key has "
                    + role.wire());
        }
        return this;
    }
}
