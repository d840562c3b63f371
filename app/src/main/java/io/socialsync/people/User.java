package io.socialsync.people;

import java.time.Instant;

/** A person who logs in. The email is as they typed it; uniqueness ignores case. */
public record User(long id, String email, String displayName, Instant createdAt, Instant lastLoginAt,
                   boolean disabled) {

    /** A user with the stored password hash, for the login check only (never leaves the service). */
    record WithHash(User user, String passwordHash) {
    }
}
