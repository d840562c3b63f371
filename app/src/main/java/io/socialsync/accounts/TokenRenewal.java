package io.socialsync.accounts;

import java.time.Instant;

/**
 * What a platform's token endpoint gave back, in plain text until {@link SocialAccountService#tokensRenewed}
 * seals it. {@code expiresAt} null: the new access token does not expire (a Meta page token). {@code refreshToken}
 * null or blank: the platform did not rotate it, and the stored one stays.
 */
public record TokenRenewal(String accessToken, Instant expiresAt, String refreshToken, Instant refreshExpiresAt) {

    @Override
    public String toString() {
        return "TokenRenewal[expiresAt=" + expiresAt + ", rotated=" + AccountFields.present(refreshToken) + "]";
    }
}
