package io.socialsync.platforms.meta;

import io.socialsync.platforms.ConnectCandidate;
import io.socialsync.platforms.ConnectOutcome;
import io.socialsync.platforms.ConnectSettings;
import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.OAuthConnect;
import io.socialsync.platforms.OAuthConnector;
import io.socialsync.platforms.Platform;
import io.socialsync.platforms.PlatformHttp;
import io.socialsync.platforms.TokenGrant;
import io.socialsync.platforms.TokenSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Instagram and Facebook through Facebook Login (for Business): the code is exchanged at Graph's
 * {@code /oauth/access_token}, the short-lived user token for a long-lived one ({@code fb_exchange_token}, as the
 * refresher does), the grant's scopes read from {@code /me/permissions}, then {@code /me/accounts} lists the Pages
 * the person manages with their Instagram professional accounts. Page tokens taken with a long-lived user token do
 * not expire: the candidates carry those. No PKCE: Meta offers it only on its OIDC flow, still "in testing".
 * Spring's token client POSTs the code exchange as a form (RFC 6749 §4.1.3) where Meta's guide shows a GET; Graph
 * takes its parameters either way. The long-lived exchange is not OAuth (Meta's own grant): MetaTokens, as for
 * refreshes.
 */
@Component
class MetaConnect implements OAuthConnector {
    private static final List<String> INSTAGRAM = List.of("instagram_basic", "instagram_content_publish",
            "instagram_manage_insights", "pages_show_list", "pages_read_engagement");
    private static final List<String> FACEBOOK = List.of("pages_show_list", "pages_read_engagement",
            "pages_manage_posts", "read_insights");
    private static final String PAGES = "me/accounts";
    private final TokenSettings tokens;
    private final ConnectSettings connect;
    private final MetaTokens exchange;
    private final PlatformHttp http;

    MetaConnect(TokenSettings tokens, ConnectSettings connect, MetaTokens exchange, PlatformHttp http) {
        this.tokens = tokens;
        this.connect = connect;
        this.exchange = exchange;
        this.http = http;
    }

    @Override
    public Set<Platform> platforms() {
        return Set.of(Platform.INSTAGRAM, Platform.FACEBOOK);
    }

    @Override
    public boolean configured() {
        return tokens.meta().configured();
    }

    @Override
    public String notConfigured() {
        return "no Meta app is configured: set SOCIALSYNC_META_APP_ID and SOCIALSYNC_META_APP_SECRET to connect "
                + "Instagram and Facebook accounts";
    }

    @Override
    public List<String> scopes(Platform platform) {
        return platform == Platform.INSTAGRAM ? INSTAGRAM : FACEBOOK;
    }

    @Override
    public String identityKey(Platform platform) {
        return platform == Platform.INSTAGRAM ? "ig_user_id" : "page_id";
    }

    @Override
    public ClientRegistration registration(Platform platform, String redirectUri) {
        var meta = tokens.meta();
        return ClientRegistration.withRegistrationId(platform.wire()).clientName("Meta")
                .clientId(meta.appId()).clientSecret(meta.appSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).redirectUri(redirectUri)
                .scope(scopes(platform)).authorizationUri(connect.metaAuthorizeUrl())
                .tokenUri(base() + "/oauth/access_token").build();
    }

    @Override
    public boolean pkce() {
        return false;
    }

    /** Login for Business names its permissions in a configuration: {@code config_id} then replaces the scopes. */
    @Override
    public void authorization(Platform platform, OAuth2AuthorizationRequest.Builder request) {
        String config = connect.metaConfigId();
        if (config != null && !config.isBlank()) {
            request.parameters(p -> {
                p.remove("scope");
                p.put("config_id", config);
            });
        }
    }

    @Override
    public ConnectOutcome accounts(Platform platform, OAuth2AccessTokenResponse response) {
        String shortLived = response.getAccessToken().getTokenValue();
        var longLived = exchange.renew(platform, "(new sign-in)", shortLived, null);
        if (!(longLived instanceof TokenGrant.Renewed renewed)) {
            return switch (longLived) {
                case TokenGrant.Unavailable u -> new ConnectOutcome.Unavailable(u.reason());
                case TokenGrant.Refused r -> new ConnectOutcome.Refused(r.reason());
                case TokenGrant.Misconfigured m -> new ConnectOutcome.Refused(m.reason());
                case TokenGrant.Renewed r -> throw new IllegalStateException();
            };
        }
        String user = renewed.renewal().accessToken();
        var graph = new Graph(http, base(), user, tokens.requestTimeout());
        var permissions = read(graph.get("me/permissions", "limit=100"), "read the permissions you granted");
        if (permissions instanceof Failed f) {
            return f.outcome();
        }
        var granted = new HashSet<String>();
        for (JsonNode p : ((Read) permissions).json().path("data")) {
            if ("granted".equals(p.path("status").asString(""))) {
                granted.add(p.path("permission").asString(""));
            }
        }
        String missing = OAuthConnect.missing(scopes(platform), granted);
        if (!missing.isEmpty()) {
            return new ConnectOutcome.Refused("Meta did not grant SocialSync every permission it needs (missing: "
                    + missing + "). Connect again and keep every permission switched on in Facebook's dialog, or "
                    + "add them under Settings → Business integrations → SocialSync.");
        }
        var pages = read(graph.get(PAGES, "fields=id,name,access_token,instagram_business_account%7Bid,username%7D"
                + "&limit=100"), "list the Pages you manage");
        if (pages instanceof Failed f) {
            return f.outcome();
        }
        return candidates(platform, ((Read) pages).json().path("data"));
    }

    private static ConnectOutcome candidates(Platform platform, JsonNode pages) {
        var found = new ArrayList<ConnectCandidate>();
        for (JsonNode page : pages) {
            String pageId = page.path("id").asString("");
            String pageToken = page.path("access_token").asString("");
            String name = page.path("name").asString(pageId);
            if (pageId.isBlank() || pageToken.isBlank()) {
                continue;
            }
            var ids = new LinkedHashMap<String, String>();
            if (platform == Platform.FACEBOOK) {
                ids.put("page_id", pageId);
                found.add(new ConnectCandidate(pageId, name, name, ids, pageToken, null, null, null));
                continue;
            }
            JsonNode ig = page.path("instagram_business_account");
            String igId = ig.path("id").asString("");
            if (!igId.isBlank()) {
                ids.put("ig_user_id", igId);
                ids.put("page_id", pageId);
                String username = ig.path("username").asString(igId);
                found.add(new ConnectCandidate(igId, username, name, ids, pageToken, null, null, null));
            }
        }
        if (!found.isEmpty()) {
            return new ConnectOutcome.Found(found);
        }
        return new ConnectOutcome.Refused(platform == Platform.INSTAGRAM
                ? "none of the Pages you gave SocialSync access to has an Instagram professional account: link the "
                        + "Instagram account to a Facebook Page (Instagram → Settings → Account type and tools), "
                        + "then connect again and select that Page"
                : "you gave SocialSync access to no Facebook Page: connect again and select the Pages to publish to");
    }

    private sealed interface Call permits Read, Failed {
    }

    private record Read(JsonNode json) implements Call {
    }

    private record Failed(ConnectOutcome outcome) implements Call {
    }

    private static Call read(HttpResult result, String what) {
        return switch (result) {
            case HttpResult.Answered a when a.ok() -> new Read(a.json());
            case HttpResult.Answered a -> {
                var error = GraphError.of(a);
                String said = error.said("Meta", error.message());
                yield new Failed(error.serverTrouble() || error.throttled()
                        ? new ConnectOutcome.Unavailable("Meta had a temporary problem: could not " + what
                                + "; connect again in a moment" + said)
                        : new ConnectOutcome.Refused("Meta refused to " + what + said));
            }
            default -> new Failed(new ConnectOutcome.Unavailable("no answer from Meta (" + result.detail()
                    + "): could not " + what + "; connect again in a moment"));
        };
    }

    private String base() {
        String base = tokens.meta().baseUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
