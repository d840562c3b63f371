package io.socialsync.people;

import io.socialsync.web.Role;
import java.time.Instant;

/** An invitation to a workspace; the link's token is known only to whoever got the link. */
public record Invitation(long id, long workspaceId, String email, Role role, Instant createdAt, Instant expiresAt,
                         Instant acceptedAt) {

    /** Returned once, at creation: the only time the link exists outside the invitee's mailbox. */
    public record Sent(Invitation invitation, String link, boolean mailed) {
    }

    /** An open invitation as its link's page shows it; {@code hasAccount}: the invitee logs in to accept. */
    public record Pending(String workspaceName, String email, Role role, Instant expiresAt, boolean hasAccount) {
    }
}
