package io.socialsync.platforms.tiktok;

import io.socialsync.platforms.OAuthTokens;
import io.socialsync.platforms.Platform;
import io.socialsync.platforms.PlatformHttp;
import io.socialsync.platforms.TokenSettings;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * TikTok's refresh grant ({@code POST https://open.tiktokapis.com/v2/oauth/token/}). TikTok rotates refresh
 * tokens: each success returns a new one and the one sent stops working, so the answer must be stored before
 * anyone refreshes again (the refresher holds the account lock across the call and the write).
 */
@Component
class TikTokTokens extends OAuthTokens {
    private static final String HINT = "TikTok refresh tokens die when the user removes the app's access, when "
            + "they expire (refresh_expires_in), and once a newer one was issued.";
    private final TokenSettings settings;

    TikTokTokens(TokenSettings settings, PlatformHttp http, Clock clock) {
        super(Platform.TIKTOK, "TikTok", HINT, Duration.ofHours(2), http, clock, settings.requestTimeout());
        this.settings = settings;
    }

    @Override
    public boolean configured() {
        return settings.tiktok().configured();
    }

    @Override
    public String notConfigured() {
        return "no TikTok app is configured: set SOCIALSYNC_TIKTOK_CLIENT_KEY and SOCIALSYNC_TIKTOK_CLIENT_SECRET "
                + "so SocialSync can renew TikTok tokens";
    }

    @Override
    protected Client client() {
        var tiktok = settings.tiktok();
        return new Client("client_key", tiktok.clientKey(), tiktok.clientSecret(), tiktok.tokenUrl());
    }

    @Override
    protected String whose(String handle) {
        return "@" + handle;
    }
}
