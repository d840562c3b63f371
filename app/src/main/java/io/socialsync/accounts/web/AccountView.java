package io.socialsync.accounts.web;

import io.socialsync.accounts.SocialAccount;
import java.time.Instant;
import java.util.Map;

/** An account as the API shows it: whether it has tokens, never the tokens. */
public record AccountView(long id, String platform, String handle, Map<String, String> externalIds, String timezone,
                          String status, String statusReason, boolean hasAccessToken, boolean hasRefreshToken,
                          Instant tokenExpiresAt, Instant createdAt, Instant updatedAt) {

    static AccountView of(SocialAccount a) {
        return new AccountView(a.id(), a.platform().wire(), a.handle(), a.externalIds(), a.timezone().getId(),
                a.status().wire(), a.statusReason(), a.hasAccessToken(), a.hasRefreshToken(), a.tokenExpiresAt(),
                a.createdAt(), a.updatedAt());
    }
}
