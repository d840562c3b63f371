package io.socialsync.people;

import io.socialsync.apikey.Role;
import java.time.Instant;

/** One person's role in one workspace. */
public record Membership(long workspaceId, String workspaceName, Role role, Instant since) {

    /** A workspace's member as its members list shows them. */
    public record Member(long userId, String email, String displayName, Role role, Instant since) {
    }
}
