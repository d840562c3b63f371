package io.socialsync.platforms.tiktok;

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
 * TikTok's refresh grant ({@code POST https://open.tiktokapis.com/v2/oauth/token/}). TikTok rotates refresh
 * tokens: each success returns a new one and the one sent stops working, so the answer must be stored before
 * anyone refreshes again (the refresher holds the account lock across the call and the write).
 */
@Component
class TikTokTokens implements TokenEndpoint {
    private static final String HINT = "TikTok refresh tokens die when the user removes the app's access, when "
            + "they expire (refresh_expires_in), and once a newer one was issued.";
    private final TokenSettings settings;
    private final OAuthRefresh oauth;

    TikTokTokens(TokenSettings settings, PlatformHttp http, Clock clock) {
        this.settings = settings;
        this.oauth = new OAuthRefresh(http, clock, settings.requestTimeout());
    }

    @Override
    public Set<Platform> platforms() {
        return Set.of(Platform.TIKTOK);
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
    public boolean needsRefreshToken() {
        return true;
    }

    @Override
    public TokenGrant renew(Platform platform, String handle, String accessToken, String refreshToken) {
        var tiktok = settings.tiktok();
        var form = new LinkedHashMap<String, String>();
        form.put("client_key", tiktok.clientKey());
        form.put("client_secret", tiktok.clientSecret());
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return oauth.refresh("TikTok", "@" + handle, tiktok.tokenUrl(), form, HINT, Duration.ofHours(2));
    }
}
