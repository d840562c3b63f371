package io.socialsync.platforms;

import java.time.Instant;

/**
 * What a platform's token endpoint gave back, in plain text until the accounts feature
 * ({@code SocialAccountService.tokensRenewed}) seals it. {@code expiresAt} null: the new access token does not
 * expire (a Meta page token). {@code refreshToken} null or blank: the platform did not rotate it, and the stored
 * one stays.
 */
public record TokenRenewal(String accessToken, Instant expiresAt, String refreshToken, Instant refreshExpiresAt) {

    @Override
    public String toString() {
        boolean rotated = refreshToken != null && !refreshToken.isBlank();
        return "TokenRenewal[expiresAt=" + expiresAt + ", rotated=" + rotated + "]";
    }
}
