package io.socialsync.accounts;

import io.socialsync.platforms.Platform;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/** A row of social_accounts. The tokens are sealed (SecretBox); only the publishers and the token refresher
 * (accounts.tokens) ever open them. */
public record SocialAccount(long id, long workspaceId, Platform platform, String handle,
                            Map<String, String> externalIds, ZoneId timezone, String accessTokenEnc,
                            String refreshTokenEnc, Instant tokenExpiresAt, Instant refreshTokenExpiresAt,
                            RefreshState refresh, AccountStatus status, String statusReason, Instant createdAt,
                            Instant updatedAt) {

    public SocialAccount {
        refresh = refresh == null ? RefreshState.NONE : refresh;
    }

    public boolean hasAccessToken() {
        return accessTokenEnc != null;
    }

    public boolean hasRefreshToken() {
        return refreshTokenEnc != null;
    }

    /** The same account with other tokens; status and everything else unchanged. */
    public SocialAccount withTokens(String accessEnc, String refreshEnc, Instant expiresAt, Instant refreshExpiresAt,
                                    RefreshState state, Instant now) {
        return new SocialAccount(id, workspaceId, platform, handle, externalIds, timezone, accessEnc, refreshEnc,
                expiresAt, refreshExpiresAt, state, status, statusReason, createdAt, now);
    }

    public SocialAccount withRefresh(RefreshState state, Instant now) {
        return withTokens(accessTokenEnc, refreshTokenEnc, tokenExpiresAt, refreshTokenExpiresAt, state, now);
    }

    /** Never prints the sealed tokens: records end up in logs and exception messages. */
    @Override
    public String toString() {
        return "SocialAccount[id=" + id + ", workspace=" + workspaceId + ", " + platform.wire() + " @" + handle
                + ", " + status.wire() + "]";
    }
}
