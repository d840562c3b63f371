package io.socialsync.platforms;

import java.util.Set;

/** One platform family's way to renew a token (OAuth refresh grant, Meta's fb_exchange_token). */
public interface TokenEndpoint {

    Set<Platform> platforms();

    /** Whether the instance has this platform's client id and secret. */
    boolean configured();

    /** What to set when {@link #configured()} is false. */
    String notConfigured();

    /** Whether a refresh token is needed (OAuth) or the access token itself is exchanged (Meta). */
    boolean needsRefreshToken();

    /** One call for the account {@code handle} on {@code platform}; never throws for platform or network trouble. */
    TokenGrant renew(Platform platform, String handle, String accessToken, String refreshToken);
}
