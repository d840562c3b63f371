package io.socialsync.accounts.connect;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.ledger.Actor;
import io.socialsync.support.Api;
import io.socialsync.web.Role;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each platform's connect flow against its fake provider, and the ways a callback is refused. */
class ConnectFlowTest extends ConnectServerTest {
    private static final String GOOGLE_SCOPES = "https://www.googleapis.com/auth/youtube.upload "
            + "https://www.googleapis.com/auth/youtube.readonly";

    @Test
    void instagramConnectsTheAccountsThePersonPicksWithTheirPageTokensSealed() {
        providers.meta(FakeProviders.INSTAGRAM_SCOPES.split(","));
        String url = start("instagram", "timezone=Europe/Madrid");
        var asked = query(url);
        assertThat(url).startsWith(providers.base() + "/meta/dialog/oauth?");
        assertThat(asked.get("scope").split(" ")).containsExactlyInAnyOrder(
                FakeProviders.INSTAGRAM_SCOPES.split(","));
        assertThat(asked.get("redirect_uri")).isEqualTo("http://localhost:" + port
                + "/social-accounts/connect/instagram/callback");
        assertThat(asked).doesNotContainKey("code_challenge"); // Meta takes PKCE only on its OIDC flow

        var back = callback(consent(url, true));
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        var connection = back.json().path("connection");
        assertThat(back.json().path("status").asString()).isEqualTo("pending");
        assertThat(connection.path("candidates").findValuesAsString("handle")).containsExactly("stakazo", "second");
        assertThat(back.body()).doesNotContain("page-token").doesNotContain("long-user");
        PROVIDERS.verify(getRequestedFor(urlPathEqualTo("/v26.0/oauth/access_token"))); // made long-lived
        assertThat(accountCount()).isZero();

        long id = connection.path("id").asLong();
        assertThat(api.get("/social-accounts/connections/" + id).json().path("connection").path("status")
                .asString()).isEqualTo("pending");
        var chosen = api.post("/social-accounts/connections/" + id,
                "{\"external_ids\": [\"17841400000000001\", \"17841400000000002\"]}");
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(201);
        var accounts = chosen.json().path("accounts");
        assertThat(accounts.size()).isEqualTo(2);
        var first = accounts.get(0);
        assertThat(first.path("platform").asString()).isEqualTo("instagram");
        assertThat(first.path("handle").asString()).isEqualTo("stakazo");
        assertThat(first.path("timezone").asString()).isEqualTo("Europe/Madrid");
        assertThat(first.path("external_ids").path("ig_user_id").asString()).isEqualTo("17841400000000001");
        assertThat(first.path("external_ids").path("page_id").asString()).isEqualTo("111");
        assertThat(first.path("token_expires_at").isNull()).isTrue(); // a Page token does not expire
        assertThat(first.path("token_status").asString()).isEqualTo("valid");
        assertThat(stored(first.path("id").asLong(), "access_token_enc")).isEqualTo("page-token-111");

        var again = api.post("/social-accounts/connections/" + id, "{\"external_ids\": [\"17841400000000001\"]}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(accountCount()).isEqualTo(2);
    }

    @Test
    void facebookOffersEveryPageAndConnectsOnlyThePickedOne() {
        providers.meta("pages_show_list", "pages_read_engagement", "pages_manage_posts", "read_insights");
        var back = callback(consent(start("facebook", ""), true));
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        var connection = back.json().path("connection");
        assertThat(connection.path("candidates").findValuesAsString("external_id")).containsExactly("111", "222",
                "333");
        var wrong = api.post("/social-accounts/connections/" + connection.path("id").asLong(),
                "{\"external_ids\": [\"999\"]}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("not one of this connection's candidates");

        var chosen = api.post("/social-accounts/connections/" + connection.path("id").asLong(),
                "{\"external_ids\": [\"333\"]}");
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(201);
        var account = chosen.json().path("accounts").get(0);
        assertThat(account.path("handle").asString()).isEqualTo("Page Without Instagram");
        assertThat(account.path("external_ids").path("page_id").asString()).isEqualTo("333");
        assertThat(account.path("timezone").asString()).isEqualTo("UTC");
        assertThat(stored(account.path("id").asLong(), "access_token_enc")).isEqualTo("page-token-333");
        assertThat(accountCount()).isEqualTo(1);
    }

    @Test
    void aMetaPermissionSwitchedOffIsNamed() {
        providers.meta("instagram_basic", "pages_show_list", "pages_read_engagement");
        var back = callback(consent(start("instagram", ""), true));
        assertThat(back.status()).isEqualTo(400);
        assertThat(back.header("Content-Type")).startsWith("application/problem+json");
        assertThat(back.json().path("detail").asString())
                .contains("missing: instagram_content_publish, instagram_manage_insights")
                .contains("keep every permission switched on");
        assertThat(accountCount()).isZero();
    }

    @Test
    void tiktokConnectsTheCreatorWithPkceAndItsRotatingRefreshToken() {
        providers.tiktok("open-dancer", "user.info.basic,video.publish,video.list");
        String url = start("tiktok", "timezone=America/New_York");
        var asked = query(url);
        assertThat(asked.get("client_key")).isEqualTo("tiktok-key");
        assertThat(asked).doesNotContainKey("client_id");
        assertThat(asked.get("scope")).isEqualTo("user.info.basic,video.publish,video.list");
        assertThat(asked.get("code_challenge_method")).isEqualTo("S256");

        var back = callback(consent(url, true));
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.json().path("status").asString()).isEqualTo("connected");
        var account = back.json().path("accounts").get(0);
        assertThat(account.path("handle").asString()).isEqualTo("dancer");
        assertThat(account.path("external_ids").path("open_id").asString()).isEqualTo("open-dancer");
        assertThat(account.path("timezone").asString()).isEqualTo("America/New_York");
        assertThat(account.path("has_refresh_token").asBoolean()).isTrue();
        assertThat(account.path("token_expires_at").asString()).isEqualTo("2030-01-08T08:00:00Z");
        assertThat(account.path("refresh_token_expires_at").asString()).isEqualTo("2031-01-07T08:00:00Z");
        long id = account.path("id").asLong();
        assertThat(stored(id, "access_token_enc")).isEqualTo("act.new");
        assertThat(stored(id, "refresh_token_enc")).isEqualTo("rft.new");
        PROVIDERS.verify(postRequestedFor(urlPathEqualTo("/v2/post/publish/creator_info/query/")));
        var created = api.get("/ledger?entity_type=social_account&entity_id=" + id
                + "&event_type=social_account_created").json().path("items");
        assertThat(created.size()).isEqualTo(1);
        assertThat(created.toString()).doesNotContain("act.new").doesNotContain("rft.new");
    }

    @Test
    void youtubeAsksForOfflineAccessAndConnectsThePickedChannel() {
        providers.google(GOOGLE_SCOPES, true);
        String url = start("youtube", "");
        var asked = query(url);
        assertThat(asked).containsEntry("access_type", "offline").containsEntry("prompt", "consent")
                .containsEntry("code_challenge_method", "S256").containsEntry("client_id", "google-client");
        assertThat(asked.get("scope").split(" ")).containsExactlyInAnyOrder(GOOGLE_SCOPES.split(" "));

        var back = callback(consent(url, true));
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        var connection = back.json().path("connection");
        assertThat(connection.path("candidates").findValuesAsString("handle")).containsExactly("mainchannel",
                "Brand Channel");
        var chosen = api.post("/social-accounts/connections/" + connection.path("id").asLong(),
                "{\"external_ids\": [\"UC-brand\"]}");
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(201);
        var account = chosen.json().path("accounts").get(0);
        assertThat(account.path("external_ids").path("channel_id").asString()).isEqualTo("UC-brand");
        assertThat(account.path("token_expires_at").asString()).isEqualTo("2030-01-07T08:59:59Z");
        assertThat(stored(account.path("id").asLong(), "refresh_token_enc")).isEqualTo("1//refresh-new");
    }

    @Test
    void aGoogleGrantWithoutTheUploadScopeSaysWhatToTick() {
        providers.google("https://www.googleapis.com/auth/youtube.readonly", true);
        var back = callback(consent(start("youtube", ""), true));
        assertThat(back.status()).isEqualTo(400);
        assertThat(back.json().path("detail").asString())
                .contains("missing: https://www.googleapis.com/auth/youtube.upload")
                .contains("tick every box");
    }

    @Test
    void deniedConsentTellsThePersonWhatToAllow() {
        providers.tiktok("open-dancer", "user.info.basic,video.publish,video.list");
        var back = callback(consent(start("tiktok", ""), false));
        assertThat(back.status()).isEqualTo(400);
        assertThat(back.json().path("title").asString()).isEqualTo("Consent denied");
        assertThat(back.json().path("detail").asString()).contains("declined")
                .contains("user.info.basic, video.publish, video.list");
        PROVIDERS.verify(0, postRequestedFor(urlPathEqualTo("/v2/oauth/token/")));
        assertThat(accountCount()).isZero();
    }

    @Test
    void aTamperedStateIsRefused() {
        providers.tiktok("open-dancer", "user.info.basic,video.publish,video.list");
        String back = consent(start("tiktok", ""), true);
        String state = query(back).get("state");
        String tampered = back.replace("state=" + state, "state=" + flip(state));
        var refused = callback(tampered);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("title").asString()).isEqualTo("Unknown connection");
        var missing = callback(back.replace("state=" + state, "state="));
        assertThat(missing.status()).isEqualTo(400);
        PROVIDERS.verify(0, postRequestedFor(urlPathEqualTo("/v2/oauth/token/")));
        assertThat(accountCount()).isZero();
        // the state of one platform does not complete another's
        var elsewhere = callback(back.replace("/connect/tiktok/", "/connect/youtube/"));
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(accountCount()).isZero();
    }

    @Test
    void anExpiredStateIsRefused() {
        providers.tiktok("open-dancer", "user.info.basic,video.publish,video.list");
        String back = consent(start("tiktok", ""), true);
        clock.advance(Duration.ofMinutes(11));
        var refused = callback(back);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("title").asString()).isEqualTo("Connection expired");
        PROVIDERS.verify(0, postRequestedFor(urlPathEqualTo("/v2/oauth/token/")));
        assertThat(accountCount()).isZero();
    }

    @Test
    void aReplayedCallbackIsRefused() {
        providers.tiktok("open-dancer", "user.info.basic,video.publish,video.list");
        String back = consent(start("tiktok", ""), true);
        assertThat(callback(back).status()).isEqualTo(200);
        var replay = callback(back);
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.json().path("title").asString()).isEqualTo("Connection already completed");
        PROVIDERS.verify(1, postRequestedFor(urlPathEqualTo("/v2/oauth/token/")));
        assertThat(accountCount()).isEqualTo(1);
    }

    @Test
    void aCodeIssuedForAnotherPkceChallengeIsRefusedByTheProvider() {
        providers.google(GOOGLE_SCOPES, true);
        String back = consent(start("youtube", ""), true);
        String code = query(back).get("code");
        // a code obtained with someone else's challenge: our verifier does not match it (RFC 7636 §4.6)
        var refused = callback(back.replace("code=" + code, "code=code-" + FakeProviders.s256("another-verifier")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asString()).contains("PKCE verifier")
                .contains("Google said: invalid_grant");
        assertThat(accountCount()).isZero();
    }

    @Test
    void tiktokRefusingTheCodeWithHttp200IsRefusedToo() {
        providers.tiktok("open-dancer", "user.info.basic,video.publish,video.list");
        String back = consent(start("tiktok", ""), true);
        String code = query(back).get("code");
        var refused = callback(back.replace("code=" + code, "code=code-" + FakeProviders.s256("another-verifier")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asString()).contains("TikTok said: invalid_grant");
        assertThat(accountCount()).isZero();
    }

    @Test
    void reconnectRepairsTheSameAccount() {
        long id = pasted("tiktok", "dancer", Map.of("open_id", "open-dancer"));
        jdbc.sql("UPDATE social_accounts SET status = 'needs_reauth', status_reason = 'TikTok refused' WHERE id = ?")
                .param(id).update();
        providers.tiktok("open-dancer", "user.info.basic,video.publish,video.list");
        var back = callback(consent(start("tiktok", "account_id=" + id), true));
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        var account = back.json().path("accounts").get(0);
        assertThat(account.path("id").asLong()).isEqualTo(id);
        assertThat(account.path("status").asString()).isEqualTo("active");
        assertThat(account.path("status_reason").isNull()).isTrue();
        assertThat(account.path("timezone").asString()).isEqualTo("Europe/Madrid");
        assertThat(stored(id, "access_token_enc")).isEqualTo("act.new");
        assertThat(stored(id, "refresh_token_enc")).isEqualTo("rft.new");
        assertThat(accountCount()).isEqualTo(1);
        assertThat(api.get("/ledger?entity_type=social_account&entity_id=" + id
                + "&event_type=social_account_reconnected").json().path("items").size()).isEqualTo(1);
    }

    @Test
    void reconnectingAnInstagramAccountPicksItAmongThePagesAndDropsTheOldExpiry() {
        long id = pasted("instagram", "second", Map.of("ig_user_id", "17841400000000002"));
        var expiring = "{\"token_expires_at\": \"2030-01-10T00:00:00Z\"}";
        api.send(api.request("/social-accounts/" + id).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(expiring)));
        assertThat(account(id).path("token_expires_at").asString()).isEqualTo("2030-01-10T00:00:00Z");
        jdbc.sql("UPDATE social_accounts SET status = 'needs_reauth' WHERE id = ?").param(id).update();
        providers.meta(FakeProviders.INSTAGRAM_SCOPES.split(","));
        var back = callback(consent(start("instagram", "account_id=" + id), true));
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.json().path("status").asString()).isEqualTo("connected"); // nothing to pick: it is this one
        var account = back.json().path("accounts").get(0);
        assertThat(account.path("id").asLong()).isEqualTo(id);
        assertThat(account.path("status").asString()).isEqualTo("active");
        assertThat(account.path("external_ids").path("page_id").asString()).isEqualTo("222");
        assertThat(account.path("token_expires_at").isNull()).isTrue(); // the Page token does not expire
        assertThat(stored(id, "access_token_enc")).isEqualTo("page-token-222");
        assertThat(accountCount()).isEqualTo(1);
    }

    @Test
    void reconnectAsAnotherAccountIsRefusedAndChangesNothing() {
        long id = pasted("tiktok", "dancer", Map.of("open_id", "open-dancer"));
        jdbc.sql("UPDATE social_accounts SET status = 'needs_reauth' WHERE id = ?").param(id).update();
        providers.tiktok("open-someone-else", "user.info.basic,video.publish,video.list");
        var back = callback(consent(start("tiktok", "account_id=" + id), true));
        assertThat(back.status()).isEqualTo(409);
        assertThat(back.json().path("detail").asString()).contains("but account " + id + " is @dancer")
                .contains("open_id open-someone-else").contains("nothing was changed");
        assertThat(account(id).path("status").asString()).isEqualTo("needs_reauth");
        assertThat(stored(id, "access_token_enc")).isEqualTo("old-access");
        assertThat(accountCount()).isEqualTo(1);
    }

    @Test
    void aBrowserIsRedirectedAndOnlyEditorsStart() {
        providers.tiktok("open-dancer", "user.info.basic,video.publish,video.list");
        var redirect = api.send(api.request("/social-accounts/connect/tiktok").header("Accept", "text/html").GET());
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).startsWith(providers.base() + "/tiktok/v2/auth/authorize/?");

        var viewer = api.withKey(keys.create(ws, "viewer", Role.VIEWER, Actor.SYSTEM).plainKey());
        assertThat(viewer.get("/social-accounts/connect/tiktok").status()).isEqualTo(403);
        assertThat(new Api(api.baseUrl(), null).get("/social-accounts/connect/tiktok").status()).isEqualTo(401);
        assertThat(api.get("/social-accounts/connect/myspace").status()).isEqualTo(400);
        assertThat(api.get("/social-accounts/connect/tiktok?timezone=%2B02:00").status()).isEqualTo(400);
    }

    @Test
    void aSignInStartedInABrowserCompletesOnlyInThatBrowser() {
        providers.tiktok("open-dancer", "user.info.basic,video.publish,video.list");
        var started = api.send(api.request("/social-accounts/connect/tiktok").header("Accept", "text/html").GET());
        assertThat(started.status()).isEqualTo(302);
        assertThat(started.header("Set-Cookie")).startsWith("socialsync_connect_").contains("HttpOnly")
                .contains("SameSite=Lax").contains("Path=/social-accounts/connect/");
        // someone else's browser (no cookie): a victim lured to complete the attacker's flow
        var elsewhere = callback(consent(started.header("Location"), true));
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.json().path("title").asString()).isEqualTo("Another browser");
        PROVIDERS.verify(0, postRequestedFor(urlPathEqualTo("/v2/oauth/token/")));
        assertThat(accountCount()).isZero();

        var again = api.send(api.request("/social-accounts/connect/tiktok").header("Accept", "text/html").GET());
        String cookie = again.header("Set-Cookie").split(";")[0];
        var forged = new Api(null, null).send(HttpRequest.newBuilder(URI.create(consent(again.header("Location"),
                true))).header("Cookie", cookie + "x").GET());
        assertThat(forged.status()).isEqualTo(400);
        var third = api.send(api.request("/social-accounts/connect/tiktok").header("Accept", "text/html").GET());
        var same = new Api(null, null).send(HttpRequest.newBuilder(URI.create(consent(third.header("Location"),
                true))).header("Cookie", third.header("Set-Cookie").split(";")[0]).GET());
        assertThat(same.status()).as(same.body()).isEqualTo(200);
        assertThat(same.json().path("status").asString()).isEqualTo("connected");
    }

    @Test
    void anotherWorkspaceSeesNeitherThePendingConnectionNorTheAccountToRepair() {
        providers.google(GOOGLE_SCOPES, true);
        var back = callback(consent(start("youtube", ""), true));
        long connection = back.json().path("connection").path("id").asLong();
        long id = pasted("youtube", "main", Map.of("channel_id", "UC-main"));
        long other = workspaces.create("other-" + UUID.randomUUID()).id();
        var stranger = api.withKey(keys.create(other, "x", Role.ADMIN, Actor.SYSTEM).plainKey());
        assertThat(stranger.get("/social-accounts/connections/" + connection).status()).isEqualTo(404);
        assertThat(stranger.post("/social-accounts/connections/" + connection,
                "{\"external_ids\": [\"UC-main\"]}").status()).isEqualTo(404);
        assertThat(stranger.get("/social-accounts/connect/youtube?account_id=" + id).status()).isEqualTo(404);
    }

    private static String flip(String state) {
        char last = state.charAt(state.length() - 1);
        return state.substring(0, state.length() - 1) + (last == 'A' ? 'B' : 'A');
    }
}
