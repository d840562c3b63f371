package io.socialsync.accounts.tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.socialsync.ledger.Actor;
import io.socialsync.support.Api;
import io.socialsync.web.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each platform's documented refresh protocol against WireMock, through the sweep, its jobs and the API. */
class TokenRefreshTest extends TokenServerTest {
    private static final String GOOGLE = "/token";
    private static final String TIKTOK = "/v2/oauth/token/";
    private static final String META = "/v26.0/oauth/access_token";

    private long youtube(String access, String refresh, Instant expires) {
        var body = new HashMap<String, Object>(Map.of("platform", "youtube", "handle", "chan", "timezone", "UTC",
                "access_token", access, "refresh_token", refresh, "token_expires_at", expires.toString()));
        return account(body);
    }

    private long tiktok(String access, String refresh, Instant expires) {
        return account(Map.of("platform", "tiktok", "handle", "creator", "timezone", "UTC", "access_token", access,
                "refresh_token", refresh, "token_expires_at", expires.toString(),
                "refresh_token_expires_at", "2030-06-01T00:00:00Z"));
    }

    private long instagram(String access, Instant expires) {
        var body = new HashMap<String, Object>(Map.of("platform", "instagram", "handle", "insta", "timezone", "UTC",
                "access_token", access));
        if (expires != null) {
            body.put("token_expires_at", expires.toString());
        }
        return account(body);
    }

    private static MappingBuilder google() {
        return post(urlPathEqualTo(GOOGLE));
    }

    private static MappingBuilder tiktokEndpoint() {
        return post(urlPathEqualTo(TIKTOK));
    }

    @Test
    void googleIsRenewedAheadOfExpiryAndTheRefreshTokenItDidNotReturnIsKept() {
        long id = youtube("ya29.old", "1//refresh-one", START.plus(Duration.ofMinutes(5)));
        assertThat(view(id).path("token_status").asString()).isEqualTo("expiring");
        String sealedRefresh = column(id, "refresh_token_enc");
        PLATFORMS.stubFor(google().willReturn(okJson("{\"access_token\":\"ya29.new\",\"expires_in\":3599,"
                + "\"scope\":\"https://www.googleapis.com/auth/youtube.upload\",\"token_type\":\"Bearer\"}")));

        var after = sweepUntil(id, "the YouTube token to be renewed", v -> v.hasNonNull("token_refreshed_at"));

        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo(GOOGLE))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("grant_type", equalTo("refresh_token"))
                .withFormParam("refresh_token", equalTo("1//refresh-one"))
                .withFormParam("client_id", equalTo("google-client"))
                .withFormParam("client_secret", equalTo("google-secret")));
        assertThat(Instant.parse(after.path("token_expires_at").asString())).isEqualTo(START.plusSeconds(3599));
        assertThat(after.path("token_status").asString()).isEqualTo("valid");
        assertThat(after.path("has_refresh_token").asBoolean()).isTrue();
        assertThat(after.path("token_refresh_error").isNull()).isTrue();
        assertThat(storedAccessToken(id)).isEqualTo("ya29.new");
        // Google sent no refresh_token: the stored one is untouched, not emptied
        assertThat(column(id, "refresh_token_enc")).isEqualTo(sealedRefresh);
        assertThat(storedRefreshToken(id)).isEqualTo("1//refresh-one");

        var event = events(id, "account_token_refreshed").get(0);
        assertThat(event.path("payload").path("trigger").asString()).isEqualTo("sweep");
        assertThat(event.path("payload").path("refresh_token_rotated").asBoolean()).isFalse();
        assertThat(event.path("payload").path("token_expires_at").asString())
                .isEqualTo(START.plusSeconds(3599).toString());
        String everything = api.get("/social-accounts").body() + api.get("/ledger?entity_type=social_account&"
                + "entity_id=" + id).body() + api.get("/jobs?kind=TOKEN_REFRESH").body();
        assertThat(everything).doesNotContain("ya29.", "1//refresh-one", "google-secret", "v1:");

        sweep.enqueueDue(); // fresh now: nothing more to do
        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo(GOOGLE)));
    }

    @Test
    void tiktokRotatesTheRefreshTokenAndTheNextRefreshSendsTheNewOne() {
        long id = tiktok("act.one", "rft.one", START.plus(Duration.ofMinutes(3)));
        PLATFORMS.stubFor(tiktokEndpoint().inScenario("rotation").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("rotated").willReturn(okJson(tiktokAnswer("act.two", "rft.two"))));
        PLATFORMS.stubFor(tiktokEndpoint().inScenario("rotation").whenScenarioStateIs("rotated")
                .willReturn(okJson(tiktokAnswer("act.three", "rft.three"))));

        var first = refreshNow(id);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("outcome").asString()).isEqualTo("refreshed");
        assertThat(storedRefreshToken(id)).isEqualTo("rft.two");
        assertThat(storedAccessToken(id)).isEqualTo("act.two");
        var account = first.json().path("account");
        assertThat(Instant.parse(account.path("token_expires_at").asString())).isEqualTo(START.plusSeconds(7200));
        assertThat(Instant.parse(account.path("refresh_token_expires_at").asString()))
                .isEqualTo(START.plusSeconds(15552000));
        assertThat(events(id, "account_token_refreshed").get(0).path("payload").path("refresh_token_rotated")
                .asBoolean()).isTrue();

        clock.advance(Duration.ofMinutes(115)); // 5 minutes left of the 2-hour token: the sweep's turn
        sweepUntil(id, "the second TikTok refresh", v -> Instant.parse(v.path("token_expires_at").asString())
                .isAfter(START.plusSeconds(7200)));
        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo(TIKTOK))
                .withFormParam("refresh_token", equalTo("rft.one")));
        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo(TIKTOK))
                .withFormParam("refresh_token", equalTo("rft.two"))
                .withFormParam("client_key", equalTo("tiktok-key"))
                .withFormParam("client_secret", equalTo("tiktok-secret"))
                .withFormParam("grant_type", equalTo("refresh_token")));
        assertThat(storedRefreshToken(id)).isEqualTo("rft.three");
    }

    private static String tiktokAnswer(String access, String refresh) {
        return "{\"access_token\":\"" + access + "\",\"expires_in\":7200,\"open_id\":\"open-1\","
                + "\"refresh_expires_in\":15552000,\"refresh_token\":\"" + refresh + "\",\"scope\":\"video.publish\","
                + "\"token_type\":\"Bearer\"}";
    }

    @Test
    void anAnswerWithAnEmptyRefreshTokenKeepsTheStoredOne() {
        long id = tiktok("act.one", "rft.one", START.plus(Duration.ofMinutes(3)));
        String sealed = column(id, "refresh_token_enc");
        PLATFORMS.stubFor(tiktokEndpoint().willReturn(okJson("{\"access_token\":\"act.two\",\"expires_in\":7200,"
                + "\"open_id\":\"open-1\",\"refresh_token\":\"\",\"scope\":\"video.publish\",\"token_type\":\"Bearer\"}")));

        assertThat(refreshNow(id).json().path("outcome").asString()).isEqualTo("refreshed");

        assertThat(storedAccessToken(id)).isEqualTo("act.two");
        assertThat(column(id, "refresh_token_enc")).isEqualTo(sealed);
        assertThat(storedRefreshToken(id)).isEqualTo("rft.one");
        // and its expiry stays the one it had
        assertThat(view(id).path("refresh_token_expires_at").asString()).isEqualTo("2030-06-01T00:00:00Z");
    }

    @Test
    void invalidGrantMakesTheAccountNeedReauthWithAReasonAPersonCanActOn() {
        long id = youtube("ya29.old", "1//revoked", START.plus(Duration.ofMinutes(5)));
        PLATFORMS.stubFor(google().willReturn(aResponse().withStatus(400).withHeader("Content-Type",
                "application/json").withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Token has been "
                + "expired or revoked.\"}")));

        var after = sweepUntil(id, "the account to need re-authorisation",
                v -> v.path("status").asString().equals("needs_reauth"));

        assertThat(after.path("token_status").asString()).isEqualTo("needs_reauth");
        assertThat(after.path("status_reason").asString())
                .startsWith("Google refused to renew the access of YouTube channel chan: reconnect the account")
                .contains("Token has been expired or revoked.", "invalid_grant", "\"Testing\"");
        var event = events(id, "social_account_needs_reauth").get(0);
        assertThat(event.path("payload").path("reason").asString()).isEqualTo(after.path("status_reason").asString());
        assertThat(events(id, "account_token_refreshed").size()).isZero();
        // a dead account is left alone by later sweeps
        clock.advance(Duration.ofHours(1));
        sweep.enqueueDue();
        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo(GOOGLE)));

        // a reconnect (a new refresh token) is the re-authorisation
        var reconnected = patch(id, Map.of("refresh_token", "1//fresh"));
        assertThat(reconnected.json().path("status").asString()).isEqualTo("active");
    }

    @Test
    void aServerErrorKeepsTheAccountActiveAndTheSweepTriesAgainAfterItsBackoff() {
        long id = youtube("ya29.old", "1//r", START.plus(Duration.ofMinutes(5)));
        PLATFORMS.stubFor(google().inScenario("flaky").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("up")
                .willReturn(aResponse().withStatus(503).withBody("<html>backend error</html>")));
        PLATFORMS.stubFor(google().inScenario("flaky").whenScenarioStateIs("up").willReturn(okJson(
                "{\"access_token\":\"ya29.new\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));

        var failed = sweepUntil(id, "the failure to be recorded", v -> v.hasNonNull("token_refresh_error"));
        assertThat(failed.path("status").asString()).isEqualTo("active");
        assertThat(failed.path("token_status").asString()).isEqualTo("expiring");
        assertThat(failed.path("token_refresh_error").asString())
                .startsWith("Google's token endpoint had a temporary problem: SocialSync tries again").contains("503");
        assertThat(Instant.parse(failed.path("token_refresh_retry_at").asString()))
                .isEqualTo(START.plus(Duration.ofMinutes(1)));
        assertThat(storedAccessToken(id)).isEqualTo("ya29.old");

        sweep.enqueueDue(); // before the retry time: left alone
        clock.advance(Duration.ofSeconds(30));
        sweep.enqueueDue();
        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo(GOOGLE)));

        clock.advance(Duration.ofSeconds(31));
        var renewed = sweepUntil(id, "the retry to renew the token", v -> v.hasNonNull("token_refreshed_at"));
        PLATFORMS.verify(exactly(2), postRequestedFor(urlPathEqualTo(GOOGLE)));
        assertThat(renewed.path("token_refresh_error").isNull()).isTrue();
        assertThat(renewed.path("token_refresh_retry_at").isNull()).isTrue();
        assertThat(storedAccessToken(id)).isEqualTo("ya29.new");
    }

    @Test
    void metaLongLivedTokensAreExchangedAWeekAheadAndPageTokensNeverExpire() {
        long week = instagram("EAA.old", START.plus(Duration.ofDays(3)));
        long month = instagram("EAA.month", START.plus(Duration.ofDays(30)));
        long page = instagram("EAA.page", null);
        PLATFORMS.stubFor(get(urlPathEqualTo(META)).withQueryParam("fb_exchange_token", equalTo("EAA.old"))
                .willReturn(okJson("{\"access_token\":\"EAA.new\",\"token_type\":\"bearer\",\"expires_in\":5183944}")));

        var after = sweepUntil(week, "the Meta token to be exchanged", v -> v.hasNonNull("token_refreshed_at"));

        PLATFORMS.verify(exactly(1), getRequestedFor(urlPathEqualTo(META))
                .withQueryParam("grant_type", equalTo("fb_exchange_token"))
                .withQueryParam("client_id", equalTo("meta-app"))
                .withQueryParam("client_secret", equalTo("meta-secret"))
                .withQueryParam("fb_exchange_token", equalTo("EAA.old")));
        assertThat(Instant.parse(after.path("token_expires_at").asString())).isEqualTo(START.plusSeconds(5183944));
        assertThat(storedAccessToken(week)).isEqualTo("EAA.new");
        assertThat(view(month).path("token_status").asString()).isEqualTo("valid");
        assertThat(view(page).path("token_status").asString()).isEqualTo("valid");
        assertThat(view(month).hasNonNull("token_refreshed_at")).isFalse();

        var pageRefresh = refreshNow(page);
        assertThat(pageRefresh.status()).isEqualTo(409);
        assertThat(pageRefresh.json().path("detail").asString()).contains("does not expire");
        PLATFORMS.verify(exactly(1), getRequestedFor(urlPathEqualTo(META)));
    }

    @Test
    void metaError190MakesTheAccountNeedReauth() {
        long id = instagram("EAA.dead", START.plus(Duration.ofDays(2)));
        PLATFORMS.stubFor(get(urlPathEqualTo(META)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"Error validating "
                        + "access token: The session has been invalidated because the user changed their password.\","
                        + "\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":460,\"fbtrace_id\":\"A1\"}}")));

        var result = refreshNow(id);

        assertThat(result.json().path("outcome").asString()).isEqualTo("needs_reauth");
        var account = view(id);
        assertThat(account.path("status").asString()).isEqualTo("needs_reauth");
        assertThat(account.path("status_reason").asString())
                .startsWith("Meta refused to extend the token of Instagram account @insta: reconnect the account")
                .contains("changed their password", "code 190, subcode 460");
        assertThat(result.body()).doesNotContain("EAA.dead", "meta-secret");
    }

    @Test
    void aWrongClientSecretIsTheOperatorsProblemNotTheAccounts() {
        long id = tiktok("act.one", "rft.one", START.plus(Duration.ofMinutes(3)));
        PLATFORMS.stubFor(tiktokEndpoint().willReturn(aResponse().withStatus(401).withHeader("Content-Type",
                "application/json").withBody("{\"error\":\"invalid_client\",\"error_description\":\"Client key or "
                + "secret is incorrect.\",\"log_id\":\"L1\"}")));

        var result = refreshNow(id);

        assertThat(result.json().path("outcome").asString()).isEqualTo("retry_later");
        var account = result.json().path("account");
        assertThat(account.path("status").asString()).isEqualTo("active");
        assertThat(account.path("token_refresh_error").asString()).contains("invalid_client",
                "check the TikTok OAuth client id and secret", "reconnecting the account will not help");
        assertThat(Instant.parse(account.path("token_refresh_retry_at").asString()))
                .isEqualTo(START.plus(Duration.ofMinutes(30)));
    }

    @Test
    void theApiShowsHowTokensStandButNeverTheTokens() {
        long expired = youtube("ya29.x", "1//x", START.minus(Duration.ofMinutes(1)));
        long valid = youtube("ya29.y", "1//y", START.plus(Duration.ofHours(1)));
        long none = account(Map.of("platform", "tiktok", "handle", "ext", "timezone", "UTC"));
        long noRefresh = account(Map.of("platform", "youtube", "handle", "nr", "timezone", "UTC",
                "access_token", "ya29.z", "token_expires_at", START.plus(Duration.ofMinutes(30)).toString()));

        assertThat(view(expired).path("token_status").asString()).isEqualTo("expired");
        assertThat(view(valid).path("token_status").asString()).isEqualTo("valid");
        assertThat(view(none).path("token_status").asString()).isEqualTo("none");
        var list = api.get("/social-accounts");
        assertThat(list.json().path("items").size()).isEqualTo(4);
        assertThat(list.json().path("items").get(0).has("token_status")).isTrue();
        assertThat(list.body()).doesNotContain("ya29.", "1//", "v1:");

        var cannot = refreshNow(noRefresh);
        assertThat(cannot.status()).isEqualTo(409);
        assertThat(cannot.json().path("detail").asString()).contains("has no refresh token");
        assertThat(api.post("/social-accounts/999999999/refresh", null).status()).isEqualTo(404);
        Api viewer = api.withKey(keys.create(ws, "viewer", Role.VIEWER, Actor.SYSTEM).plainKey());
        assertThat(viewer.post("/social-accounts/" + valid + "/refresh", null).status()).isEqualTo(403);
        PLATFORMS.verify(exactly(0), postRequestedFor(urlPathEqualTo(GOOGLE)));
    }
}
