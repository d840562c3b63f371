package io.socialsync.accounts;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * What a create or PATCH asks for, already validated. In a PATCH, null means "keep"; a blank token also means
 * "keep", never "erase": a reconnect flow that sends "" must not throw away the stored refresh token.
 */
public record AccountChanges(String handle, Map<String, String> externalIds, ZoneId timezone, String accessToken,
                             String refreshToken, Instant tokenExpiresAt, AccountStatus status,
                             Instant refreshTokenExpiresAt) {

    public AccountChanges(String handle, Map<String, String> externalIds, ZoneId timezone, String accessToken,
                          String refreshToken, Instant tokenExpiresAt, AccountStatus status) {
        this(handle, externalIds, timezone, accessToken, refreshToken, tokenExpiresAt, status, null);
    }

    @Override
    public String toString() {
        return "AccountChanges[handle=" + handle + ", timezone=" + timezone + ", status=" + status + "]";
    }
}
