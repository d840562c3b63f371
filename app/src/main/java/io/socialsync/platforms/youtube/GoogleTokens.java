package io.socialsync.platforms.youtube;

import io.socialsync.platforms.OAuthTokens;
import io.socialsync.platforms.Platform;
import io.socialsync.platforms.PlatformHttp;
import io.socialsync.platforms.TokenSettings;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * YouTube accounts: Google's refresh grant ({@code POST https://oauth2.googleapis.com/token}). Google normally
 * answers without a refresh token (the stored one stays valid) and with {@code expires_in} of about an hour.
 */
@Component
class GoogleTokens extends OAuthTokens {
    private static final String HINT = "Google refresh tokens die when the user revokes access, after 6 months "
            + "unused, after 7 days while the OAuth app is in \"Testing\", and when a user holds more than 100 for "
            + "one client.";
    private final TokenSettings settings;

    GoogleTokens(TokenSettings settings, PlatformHttp http, Clock clock) {
        super(Platform.YOUTUBE, "Google", HINT, Duration.ofHours(1), http, clock, settings.requestTimeout());
        this.settings = settings;
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
    protected Client client() {
        var google = settings.google();
        return new Client("client_id", google.clientId(), google.clientSecret(), google.tokenUrl());
    }

    @Override
    protected String whose(String handle) {
        return "YouTube channel " + handle;
    }
}
