package io.socialsync.accounts.connect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import io.socialsync.support.Api;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * The three providers' OAuth endpoints as WireMock fakes that follow their documented protocols. The consent page is
 * a small HTML form that sends the browser back to {@code redirect_uri} with a code and the state, as the real ones
 * do after "Allow" (or with {@code error=access_denied} after "Cancel"). Like a stateless authorization server,
 * a PKCE provider's code carries the request's {@code code_challenge}; its token endpoint answers only when
 * S256(code_verifier) is that challenge (RFC 7636 §4.6).
 */
public final class FakeProviders {
    public static final String INSTAGRAM_SCOPES = "instagram_basic,instagram_content_publish,instagram_manage_insights,"
            + "pages_show_list,pages_read_engagement";
    private final WireMockServer server;

    public FakeProviders(WireMockServer server) {
        this.server = server;
    }

    String base() {
        return "http://localhost:" + server.port();
    }

    private static final Pattern FORM = Pattern.compile("<form id=\"(allow|deny)-form\" method=\"get\" "
            + "action=\"([^\"]*)\">(.*?)</form>", Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("name=\"([^\"]+)\" value=\"([^\"]*)\"");

    /** What a browser on the consent page sends back after pressing Allow (or Cancel): the callback's URL. */
    public static String consent(String authorizationUrl, boolean allow) {
        var page = new Api(null, null).send(HttpRequest.newBuilder(URI.create(authorizationUrl)).GET());
        assertThat(page.status()).as("the fake consent page accepts the authorization request: " + authorizationUrl)
                .isEqualTo(200);
        var forms = FORM.matcher(page.body());
        while (forms.find()) {
            if (forms.group(1).equals(allow ? "allow" : "deny")) {
                var query = new StringBuilder();
                var inputs = INPUT.matcher(forms.group(3));
                while (inputs.find()) {
                    query.append(query.isEmpty() ? "?" : "&").append(inputs.group(1)).append('=')
                            .append(URLEncoder.encode(HtmlUtils.htmlUnescape(inputs.group(2)),
                                    StandardCharsets.UTF_8));
                }
                return HtmlUtils.htmlUnescape(forms.group(2)) + query;
            }
        }
        throw new AssertionError("no consent form in " + page.body());
    }

    // --- Meta: Facebook Login (no PKCE), Graph /oauth/access_token, fb_exchange_token, /me/permissions, /me/accounts

    public void meta(String... grantedPermissions) {
        consentPage("/meta/dialog/oauth", "client_id", "meta-app", "meta-code");
        server.stubFor(post(urlPathEqualTo("/v26.0/oauth/access_token"))
                .withFormParam("client_id", equalTo("meta-app")).withFormParam("client_secret", equalTo("meta-secret"))
                .withFormParam("code", equalTo("meta-code")).withFormParam("redirect_uri", containing("/callback"))
                .willReturn(okJson("{\"access_token\":\"short-user\",\"token_type\":\"bearer\",\"expires_in\":5183}")));
        server.stubFor(get(urlPathEqualTo("/v26.0/oauth/access_token"))
                .withQueryParam("grant_type", equalTo("fb_exchange_token"))
                .withQueryParam("fb_exchange_token", equalTo("short-user"))
                .willReturn(okJson("{\"access_token\":\"long-user\",\"token_type\":\"bearer\","
                        + "\"expires_in\":5183944}")));
        var data = new StringBuilder();
        for (String p : grantedPermissions) {
            data.append(data.isEmpty() ? "" : ",").append("{\"permission\":\"").append(p)
                    .append("\",\"status\":\"granted\"}");
        }
        server.stubFor(get(urlPathEqualTo("/v26.0/me/permissions"))
                .withQueryParam("access_token", equalTo("long-user"))
                .willReturn(okJson("{\"data\":[" + data + "]}")));
        server.stubFor(get(urlPathEqualTo("/v26.0/me/accounts"))
                .withQueryParam("access_token", equalTo("long-user"))
                .withQueryParam("fields", containing("instagram_business_account"))
                .willReturn(okJson("""
                        {"data":[
                          {"id":"111","name":"Stakazo Page","access_token":"page-token-111",
                           "instagram_business_account":{"id":"17841400000000001","username":"stakazo"}},
                          {"id":"222","name":"Second Page","access_token":"page-token-222",
                           "instagram_business_account":{"id":"17841400000000002","username":"second"}},
                          {"id":"333","name":"Page Without Instagram","access_token":"page-token-333"}
                        ],"paging":{"cursors":{"before":"a","after":"b"}}}""")));
    }

    // --- TikTok Login Kit v2: client_key, comma-separated scopes, PKCE; /v2/oauth/token/; creator_info

    void tiktok(String openId, String grantedScopes) {
        consentPage("/tiktok/v2/auth/authorize/", "client_key", "tiktok-key", null);
        server.stubFor(post(urlPathEqualTo("/v2/oauth/token/")).atPriority(1)
                .withFormParam("client_key", equalTo("tiktok-key")).withFormParam("client_secret",
                        equalTo("tiktok-secret"))
                .withFormParam("grant_type", equalTo("authorization_code"))
                .withFormParam("redirect_uri", containing("/social-accounts/connect/tiktok/callback"))
                .andMatching(PKCE)
                .willReturn(okJson("{\"access_token\":\"act.new\",\"expires_in\":86400,\"open_id\":\"" + openId
                        + "\",\"refresh_expires_in\":31536000,\"refresh_token\":\"rft.new\",\"scope\":\""
                        + grantedScopes + "\",\"token_type\":\"Bearer\"}")));
        // TikTok reports a refused code in the body, with HTTP 200
        server.stubFor(post(urlPathEqualTo("/v2/oauth/token/")).atPriority(5)
                .willReturn(okJson("{\"error\":\"invalid_grant\",\"error_description\":\"Code verifier or code is "
                        + "invalid.\",\"log_id\":\"20260101\"}")));
        server.stubFor(post(urlPathEqualTo("/v2/post/publish/creator_info/query/"))
                .withHeader("Authorization", equalTo("Bearer act.new"))
                .willReturn(okJson("{\"data\":{\"creator_avatar_url\":\"https://x/a.jpg\",\"creator_username\":"
                        + "\"dancer\",\"creator_nickname\":\"The Dancer\",\"privacy_level_options\":"
                        + "[\"PUBLIC_TO_EVERYONE\",\"SELF_ONLY\"],\"max_video_post_duration_sec\":600},"
                        + "\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"1\"}}")));
    }

    // --- Google OAuth 2.0 (offline access, consent prompt, PKCE) and youtube/v3/channels?mine=true

    void google(String grantedScopes, boolean refreshToken) {
        consentPage("/google/o/oauth2/v2/auth", "client_id", "google-client", null);
        server.stubFor(post(urlPathEqualTo("/google/token")).atPriority(1)
                .withFormParam("client_id", equalTo("google-client"))
                .withFormParam("client_secret", equalTo("google-secret"))
                .withFormParam("grant_type", equalTo("authorization_code"))
                .withFormParam("redirect_uri", containing("/social-accounts/connect/youtube/callback"))
                .andMatching(PKCE)
                .willReturn(okJson("{\"access_token\":\"ya29.new\",\"expires_in\":3599,"
                        + (refreshToken ? "\"refresh_token\":\"1//refresh-new\"," : "")
                        + "\"scope\":\"" + grantedScopes + "\",\"token_type\":\"Bearer\"}")));
        server.stubFor(post(urlPathEqualTo("/google/token")).atPriority(5)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid code verifier.\"}")));
        server.stubFor(get(urlPathEqualTo("/youtube/v3/channels")).withQueryParam("mine", equalTo("true"))
                .withQueryParam("part", containing("snippet"))
                .withHeader("Authorization", equalTo("Bearer ya29.new"))
                .willReturn(okJson("""
                        {"kind":"youtube#channelListResponse","items":[
                          {"kind":"youtube#channel","id":"UC-main","snippet":{"title":"Main Channel",
                           "customUrl":"@mainchannel"}},
                          {"kind":"youtube#channel","id":"UC-brand","snippet":{"title":"Brand Channel"}}]}""")));
    }

    /**
     * The consent page, served only for a well-formed authorization request ({@code response_type=code}, the
     * client, a redirect URI and a state; S256 when a challenge is sent).
     */
    private void consentPage(String path, String clientParam, String client, String fixedCode) {
        String code = fixedCode != null ? fixedCode : "code-{{request.query.code_challenge}}";
        String html = """
                <!doctype html><html><head><title>Consent</title></head><body>
                <p>SocialSync asks for: {{request.query.scope}}</p>
                <form id="allow-form" method="get" action="{{request.query.redirect_uri}}">
                  <input type="hidden" name="code" value="%s">
                  <input type="hidden" name="state" value="{{request.query.state}}">
                  <button id="allow" type="submit">Allow</button>
                </form>
                <form id="deny-form" method="get" action="{{request.query.redirect_uri}}">
                  <input type="hidden" name="error" value="access_denied">
                  <input type="hidden" name="error_description" value="The user denied the request">
                  <input type="hidden" name="state" value="{{request.query.state}}">
                  <button id="deny" type="submit">Cancel</button>
                </form></body></html>""".formatted(code);
        var stub = get(urlPathEqualTo(path)).withQueryParam("response_type", equalTo("code"))
                .withQueryParam(clientParam, equalTo(client))
                .withQueryParam("redirect_uri", containing("/callback"))
                .withQueryParam("state", com.github.tomakehurst.wiremock.client.WireMock.matching(".{20,}"));
        if (fixedCode == null) {
            stub = stub.withQueryParam("code_challenge_method", equalTo("S256"));
        }
        server.stubFor(stub.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody(html).withTransformers("response-template")));
    }

    static final ValueMatcher<Request> PKCE = request -> {
        var form = form(request.getBodyAsString());
        String code = form.get("code");
        String verifier = form.get("code_verifier");
        return MatchResult.of(code != null && verifier != null && code.equals("code-" + s256(verifier)));
    };

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> form(String body) {
        var map = new HashMap<String, String>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                map.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return map;
    }
}
