package io.socialsync.platforms.youtube;

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
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * YouTube through Google OAuth: {@code access_type=offline} and {@code prompt=consent}, so Google returns a refresh
 * token on every consent (without the prompt only the first consent of a user gets one), PKCE, then
 * {@code youtube/v3/channels?mine=true} lists the channels of the Google account to pick from.
 */
@Component
class YouTubeConnect implements OAuthConnector {
    private static final List<String> SCOPES = List.of("https://www.googleapis.com/auth/youtube.upload",
            "https://www.googleapis.com/auth/youtube.readonly");
    private final TokenSettings tokens;
    private final ConnectSettings connect;
    private final PlatformSettings platforms;
    private final PlatformHttp http;
    private final Clock clock;

    YouTubeConnect(TokenSettings tokens, ConnectSettings connect, PlatformSettings platforms, PlatformHttp http,
                   Clock clock) {
        this.clock = clock;
        this.tokens = tokens;
        this.connect = connect;
        this.platforms = platforms;
        this.http = http;
    }

    @Override
    public Set<Platform> platforms() {
        return Set.of(Platform.YOUTUBE);
    }

    @Override
    public boolean configured() {
        return tokens.google().configured();
    }

    @Override
    public String notConfigured() {
        return "no Google OAuth client is configured: set SOCIALSYNC_GOOGLE_CLIENT_ID and "
                + "SOCIALSYNC_GOOGLE_CLIENT_SECRET to connect YouTube channels";
    }

    @Override
    public List<String> scopes(Platform platform) {
        return SCOPES;
    }

    @Override
    public String identityKey(Platform platform) {
        return "channel_id";
    }

    @Override
    public ClientRegistration registration(Platform platform, String redirectUri) {
        var google = tokens.google();
        return ClientRegistration.withRegistrationId("youtube").clientName("Google")
                .clientId(google.clientId()).clientSecret(google.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).redirectUri(redirectUri)
                .scope(SCOPES).authorizationUri(connect.googleAuthorizeUrl()).tokenUri(google.tokenUrl()).build();
    }

    @Override
    public boolean pkce() {
        return true;
    }

    @Override
    public void authorization(Platform platform, OAuth2AuthorizationRequest.Builder request) {
        request.additionalParameters(p -> {
            p.put("access_type", "offline");
            p.put("prompt", "consent");
            p.put("include_granted_scopes", "true");
        });
    }

    @Override
    public ConnectOutcome accounts(Platform platform, OAuth2AccessTokenResponse response) {
        String missing = OAuthConnect.missing(SCOPES, OAuthConnect.granted(response));
        if (!missing.isEmpty()) {
            return new ConnectOutcome.Refused("Google did not grant SocialSync every permission it needs (missing: "
                    + missing + "). Connect again and tick every box on Google's consent screen.");
        }
        if (response.getRefreshToken() == null) {
            return new ConnectOutcome.Refused("Google returned no refresh token, so SocialSync could not keep the "
                    + "channel connected: remove SocialSync at myaccount.google.com/permissions and connect again");
        }
        String token = response.getAccessToken().getTokenValue();
        var result = http.send(HttpRequest.newBuilder(URI.create(platforms.youtube().baseUrl()
                        + "/youtube/v3/channels?part=snippet&mine=true&maxResults=50"))
                .header("Authorization", "Bearer " + token).GET(), tokens.requestTimeout());
        if (!(result instanceof HttpResult.Answered a) || !a.ok()) {
            boolean later = !(result instanceof HttpResult.Answered a) || a.status() >= 500 || a.status() == 429;
            String why = "could not list the YouTube channels of the Google account (" + result.detail() + ")";
            return later ? new ConnectOutcome.Unavailable(why + ": connect again in a moment")
                    : new ConnectOutcome.Refused(why + ": connect again");
        }
        var found = new ArrayList<ConnectCandidate>();
        for (JsonNode channel : a.json().path("items")) {
            String id = channel.path("id").asString("");
            if (id.isBlank()) {
                continue;
            }
            String title = channel.path("snippet").path("title").asString(id);
            String custom = channel.path("snippet").path("customUrl").asString("");
            String handle = custom.isBlank() ? title : custom.replaceFirst("^@", "");
            found.add(new ConnectCandidate(id, handle, title, Map.of("channel_id", id), token,
                    OAuthConnect.expiresAt(response, clock), response.getRefreshToken().getTokenValue(), null));
        }
        return found.isEmpty()
                ? new ConnectOutcome.Refused("this Google account has no YouTube channel: create one at "
                        + "youtube.com (or sign in with the account that owns the channel), then connect again")
                : new ConnectOutcome.Found(found);
    }
}
