package io.socialsync.accounts;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/** A row of social_accounts. The tokens are sealed (SecretBox); only the publishers ever open them. */
public record SocialAccount(long id, long workspaceId, Platform platform, String handle,
                            Map<String, String> externalIds, ZoneId timezone, String accessTokenEnc, String refreshTokenEnc, Instant tokenExpiresAt,
                            AccountStatus status, String statusReason, Instant createdAt, Instant updatedAt) {

    public boolean hasAccessToken() {
        return accessTokenEnc != null;
    }

    public boolean hasRefreshToken() {
        return refreshTokenEnc != null;
    }

    /** Never prints the sealed tokens: records end up in logs and exception messages. */
    @Override
    public String toString() {
        return "SocialAccount[id=" + id + ", workspace=" + workspaceId + ", " + platform.wire() + " @" + handle
                + ", " + status.wire() + "]";
    }
}
