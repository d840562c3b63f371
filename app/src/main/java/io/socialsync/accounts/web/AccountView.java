package io.socialsync.accounts.web;

import io.socialsync.accounts.SocialAccount;
import io.socialsync.accounts.tokens.TokenStatus;
import java.time.Instant;
import java.util.Map;

/**
 * An account as the API shows it: whether it has tokens and how they stand (expiry, {@code token_status}, the
 * last refresh and why it failed), never the tokens.
 */
public record AccountView(long id, String platform, String handle, Map<String, String> externalIds, String timezone,
                          String status, String statusReason, boolean hasAccessToken, boolean hasRefreshToken,
                          Instant tokenExpiresAt, String tokenStatus, Instant refreshTokenExpiresAt,
                          Instant tokenRefreshedAt, String tokenRefreshError, Instant tokenRefreshRetryAt,
                          Instant createdAt, Instant updatedAt) {

    static AccountView of(SocialAccount a, TokenStatus tokenStatus) {
        var r = a.refresh();
        return new AccountView(a.id(), a.platform().wire(), a.handle(), a.externalIds(), a.timezone().getId(),
                a.status().wire(), a.statusReason(), a.hasAccessToken(), a.hasRefreshToken(), a.tokenExpiresAt(),
                tokenStatus.wire(), a.refreshTokenExpiresAt(), r.refreshedAt(), r.error(), r.retryAt(),
                a.createdAt(), a.updatedAt());
    }
}
