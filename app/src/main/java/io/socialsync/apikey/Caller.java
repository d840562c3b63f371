package io.socialsync.apikey;

import io.socialsync.ledger.Actor;
import io.socialsync.web.ApiException;

/** The authenticated side of a request: its workspace scopes every query the request makes. */
public record Caller(long workspaceId, long apiKeyId, Role role) {

    public Actor actor() {
        return Actor.apiKey(apiKeyId);
    }

    /** Throws 403 unless this caller's role allows {@code required}. */
    public Caller require(Role required) {
        if (!role.allows(required)) {
            throw ApiException.forbidden("this action needs the " + required.wire() + " role; the key has "
                    + role.wire());
        }
        return this;
    }
}
