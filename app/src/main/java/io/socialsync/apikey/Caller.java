package io.socialsync.apikey;

import io.socialsync.domain.Forbidden;
import io.socialsync.ledger.Actor;

/**
 * The authenticated side of a request: its workspace scopes every query the request makes. The credential is an
 * API key or a person signed in (a JWT naming the workspace; the role is their membership's, read per request).
 */
public record Caller(long workspaceId, Role role, Credential credential) {

    /** What authenticated the request. */
    public sealed interface Credential permits Key, Person {
    }

    public record Key(long id) implements Credential {
    }

    public record Person(long userId) implements Credential {
    }

    public Caller(long workspaceId, long apiKeyId, Role role) {
        this(workspaceId, role, new Key(apiKeyId));
    }

    public static Caller person(long workspaceId, long userId, Role role) {
        return new Caller(workspaceId, role, new Person(userId));
    }

    /** The key's id, or null when a person made the request. */
    public Long apiKeyId() {
        return credential instanceof Key k ? k.id() : null;
    }

    /** The person's id, or null when an API key made the request. */
    public Long userId() {
        return credential instanceof Person p ? p.userId() : null;
    }

    public Actor actor() {
        return switch (credential) {
            case Key k -> Actor.apiKey(k.id());
            case Person p -> Actor.user(p.userId());
        };
    }

    /** Throws 403 unless this caller's role allows {@code required}. */
    public Caller require(Role required) {
        if (!role.allows(required)) {
            throw new Forbidden("this action needs the " + required.wire() + " role; the "
                    + (credential instanceof Key ? "key" : "member") + " has " + role.wire());
        }
        return this;
    }
}
