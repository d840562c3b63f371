package io.socialsync.platforms.youtube;

import io.socialsync.platforms.OAuthRefresh;
import io.socialsync.platforms.Platform;
import io.socialsync.platforms.PlatformHttp;
import io.socialsync.platforms.TokenEndpoint;
import io.socialsync.platforms.TokenGrant;
import io.socialsync.platforms.TokenSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * YouTube accounts: Google's refresh grant ({@code POST https://oauth2.googleapis.com/token}). Google normally
 * answers without a refresh token (the stored one stays valid) and with {@code expires_in} of about an hour.
 */
@Component
class GoogleTokens implements TokenEndpoint {
    private static final String HINT = "Google refresh tokens die when the user revokes access, after 6 months "
            + "unused, after 7 days while the OAuth app is in \"Testing\", and when a user holds more than 100 for "
            + "one client.";
    private final TokenSettings settings;
    private final OAuthRefresh oauth;

    GoogleTokens(TokenSettings settings, PlatformHttp http, Clock clock) {
        this.settings = settings;
        this.oauth = new OAuthRefresh(http, clock, settings.requestTimeout());
    }

    @Override
    public Set<Platform> platforms() {
        return Set.of(Platform.YOUTUBE);
    }

    @Override
    public boolean configured() {
        return settings.google().configured();
    }

    @Override
    public String notConfigured() {
        return "no Google OAuth client is configured: set SOCIALSYNC_GOOGLE_CLIENT_ID and "
                + "SOCIALSYNC_GOOGLE_CLIENT_SECRET so SocialSync can renew YouTube tokens";
    }

    @Override
    public boolean needsRefreshToken() {
        return true;
    }

    @Override
    public TokenGrant renew(Platform platform, String handle, String accessToken, String refreshToken) {
        var google = settings.google();
        var form = new LinkedHashMap<String, String>();
        form.put("client_id", google.clientId());
        form.put("client_secret", google.clientSecret());
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return oauth.refresh("Google", "YouTube channel " + handle, google.tokenUrl(), form, HINT,
                Duration.ofHours(1));
    }
}
