package io.socialsync.platforms.tiktok;

import io.socialsync.platforms.ConnectCandidate;
import io.socialsync.platforms.ConnectOutcome;
import io.socialsync.platforms.ConnectSettings;
import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.OAuthConnect;
import io.socialsync.platforms.OAuthConnector;
import io.socialsync.platforms.Platform;
import io.socialsync.platforms.PlatformHttp;
import io.socialsync.platforms.PlatformSettings;
import io.socialsync.platforms.TokenSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * TikTok Login Kit v2: the consent page takes {@code client_key} (not {@code client_id}) and comma-separated
 * scopes, the code exchange at {@code /v2/oauth/token/} a {@code client_key} too, with the PKCE verifier; the
 * answer holds {@code open_id} and a refresh token that rotates (stored as the refresher expects). The creator is
 * named by {@code creator_info}, the Content Posting API's own look-up (scope {@code video.publish}).
 */
@Component
class TikTokConnect implements OAuthConnector {
    private static final List<String> SCOPES = List.of("user.info.basic", "video.publish", "video.list");
    private final TokenSettings tokens;
    private final ConnectSettings connect;
    private final PlatformSettings platforms;
    private final PlatformHttp http;
    private final Clock clock;

    TikTokConnect(TokenSettings tokens, ConnectSettings connect, PlatformSettings platforms, PlatformHttp http,
                  Clock clock) {
        this.tokens = tokens;
        this.connect = connect;
        this.platforms = platforms;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public Set<Platform> platforms() {
        return Set.of(Platform.TIKTOK);
    }

    @Override
    public boolean configured() {
        return tokens.tiktok().configured();
    }

    @Override
    public String notConfigured() {
        return "no TikTok app is configured: set SOCIALSYNC_TIKTOK_CLIENT_KEY and SOCIALSYNC_TIKTOK_CLIENT_SECRET to "
                + "connect TikTok accounts";
    }

    @Override
    public List<String> scopes(Platform platform) {
        return SCOPES;
    }

    @Override
    public String identityKey(Platform platform) {
        return "open_id";
    }

    @Override
    public ClientRegistration registration(Platform platform, String redirectUri) {
        var tiktok = tokens.tiktok();
        return ClientRegistration.withRegistrationId("tiktok").clientName("TikTok")
                .clientId(tiktok.clientKey()).clientSecret(tiktok.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).redirectUri(redirectUri)
                .scope(SCOPES).authorizationUri(connect.tiktokAuthorizeUrl()).tokenUri(tiktok.tokenUrl()).build();
    }

    @Override
    public boolean pkce() {
        return true;
    }

    @Override
    public void authorization(Platform platform, OAuth2AuthorizationRequest.Builder request) {
        request.parameters(p -> {
            p.put("client_key", p.remove("client_id"));
            p.put("scope", String.join(",", SCOPES));
        });
    }

    @Override
    public void tokenRequest(MultiValueMap<String, String> parameters) {
        parameters.set("client_key", tokens.tiktok().clientKey());
    }

    @Override
    public ConnectOutcome accounts(Platform platform, OAuth2AccessTokenResponse response) {
        String missing = OAuthConnect.missing(SCOPES, OAuthConnect.granted(response));
        if (!missing.isEmpty()) {
            return new ConnectOutcome.Refused("TikTok did not grant SocialSync every permission it needs (missing: "
                    + missing + "). Connect again and leave every permission ticked on TikTok's page.");
        }
        Map<String, Object> extra = response.getAdditionalParameters();
        String openId = text(extra.get("open_id"));
        if (openId.isBlank() || response.getRefreshToken() == null) {
            return new ConnectOutcome.Refused("TikTok's answer had no open_id or no refresh token: connect again");
        }
        String token = response.getAccessToken().getTokenValue();
        var api = new TikTokApi(http, platforms.tiktok().baseUrl(), token, tokens.requestTimeout());
        var info = api.creatorInfo();
        if (!TikTokApi.ok(info)) {
            boolean later = !(info instanceof HttpResult.Answered a) || a.status() >= 500 || a.status() == 429;
            String why = "could not read the TikTok creator's profile (creator_info: " + info.detail() + ")";
            return later ? new ConnectOutcome.Unavailable(why + ": connect again in a moment")
                    : new ConnectOutcome.Refused(why + ": connect again");
        }
        JsonNode creator = ((HttpResult.Answered) info).json().path("data");
        String handle = creator.path("creator_username").asString(openId);
        Instant sent = clock.instant();
        Instant refreshExpires = extra.get("refresh_expires_in") instanceof Number n && n.longValue() > 0
                ? sent.plusSeconds(n.longValue()) : null;
        return new ConnectOutcome.Found(List.of(new ConnectCandidate(openId, handle,
                creator.path("creator_nickname").asString(handle), Map.of("open_id", openId), token,
                OAuthConnect.expiresAt(response, clock), response.getRefreshToken().getTokenValue(),
                refreshExpires)));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
