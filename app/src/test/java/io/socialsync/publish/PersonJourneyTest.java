package io.socialsync.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.accounts.connect.FakeProviders;
import io.socialsync.ledger.Actor;
import io.socialsync.people.People;
import io.socialsync.support.Api;
import io.socialsync.web.Role;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue #11's "done when", in one pass through the API with people's tokens: a person is invited, logs in,
 * creates a second workspace, invites a colleague as editor; the colleague connects an Instagram account through
 * the (fake) Meta login and publishes a post to the (fake) Graph API; the first workspace sees none of it.
 */
class PersonJourneyTest extends PlatformTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String IG_USER = "/v26.0/17841400000000001";
    @Autowired
    People people;

    @DynamicPropertySource
    static void metaLogin(DynamicPropertyRegistry registry) {
        String base = "http://localhost:" + PLATFORMS.port();
        registry.add("socialsync.tokens.meta.app-id", () -> "meta-app");
        registry.add("socialsync.tokens.meta.app-secret", () -> "meta-secret");
        registry.add("socialsync.tokens.meta.base-url", () -> base + "/v26.0");
        registry.add("socialsync.connect.meta-authorize-url", () -> base + "/meta/dialog/oauth");
    }

    @Test
    void invitedLoggedInSecondWorkspaceColleagueConnectsInstagramAndPublishesUnseenByTheFirst() {
        Api anonymous = api.withKey(null);
        // a person invited into the first workspace (an admin key invites; the link's token is all they need)
        String ada = "ada-" + UUID.randomUUID() + "@example.com";
        String owner = "owner-" + UUID.randomUUID() + "@example.com";
        people.create(owner, "Owner", PASSWORD, ws.id(), Role.ADMIN, Actor.CLI);
        var invitation = as(login(owner, null)).post("/workspaces/" + ws.id() + "/invitations",
                "{\"email\":\"" + ada + "\",\"role\":\"admin\"}");
        assertThat(invitation.status()).as(invitation.body()).isEqualTo(201);
        accept(anonymous, invitation, "Ada");
        Api adaFirst = as(login(ada, null));
        assertThat(adaFirst.get("/auth/me").json().path("user").path("email").asString()).isEqualTo(ada);

        // a second workspace, and a colleague invited into it as editor
        var second = adaFirst.post("/workspaces", "{\"name\":\"label-" + UUID.randomUUID() + "\"}");
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        long secondId = second.json().path("id").asLong();
        Api adaSecond = as(login(ada, secondId));
        String colleague = "col-" + UUID.randomUUID() + "@example.com";
        var invited = adaSecond.post("/workspaces/" + secondId + "/invitations",
                "{\"email\":\"" + colleague + "\",\"role\":\"editor\"}");
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        accept(anonymous, invited, "Col");
        Api editor = as(login(colleague, secondId));

        // the colleague connects Instagram through Meta's login: consent, callback, pick
        var providers = new FakeProviders(PLATFORMS);
        providers.meta(FakeProviders.INSTAGRAM_SCOPES.split(","));
        var started = editor.send(editor.request("/social-accounts/connect/instagram?timezone=UTC")
                .header("Accept", "application/json").GET());
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String callback = FakeProviders.consent(started.json().path("authorization_url").asString(), true);
        var back = anonymous.send(HttpRequest.newBuilder(URI.create(callback)).GET());
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        long connection = back.json().path("connection").path("id").asLong();
        var picked = editor.post("/social-accounts/connections/" + connection,
                "{\"external_ids\": [\"17841400000000001\"]}");
        assertThat(picked.status()).as(picked.body()).isEqualTo(201);
        long account = picked.json().path("accounts").get(0).path("id").asLong();

        // and publishes a clip of the second workspace to it, with the Page token the login gave
        PLATFORMS.stubFor(get(urlPathEqualTo(IG_USER + "/content_publishing_limit")).willReturn(okJson(
                "{\"data\":[{\"quota_usage\":0,\"config\":{\"quota_total\":100,\"quota_duration\":86400}}]}")));
        PLATFORMS.stubFor(post(urlPathEqualTo(IG_USER + "/media")).willReturn(okJson("{\"id\":\"C9\"}")));
        PLATFORMS.stubFor(get(urlPathEqualTo("/v26.0/C9")).willReturn(okJson("{\"status_code\":\"FINISHED\"}")));
        PLATFORMS.stubFor(post(urlPathEqualTo(IG_USER + "/media_publish")).willReturn(okJson("{\"id\":\"M9\"}")));
        PLATFORMS.stubFor(get(urlPathEqualTo("/v26.0/M9")).willReturn(okJson(
                "{\"id\":\"M9\",\"permalink\":\"https://www.instagram.com/reel/Cjourney/\"}")));
        long firstWorkspace = ws.id();
        ws = new Workspace(secondId, editor);
        api = editor;
        String post = schedule("instagram", account, video("instagram_reel", 50_000), "From the label #reels");
        // the slot comes (the clock jumps to it, past the access token's life: the colleague logs in again)
        clock.set(java.time.Instant.parse(SLOT).plusSeconds(30));
        api = as(login(colleague, secondId));
        adaFirst = as(login(ada, null));
        assertThat(api.post("/publishing/scheduler/tick", null).status()).isEqualTo(200);
        JsonNode posted = awaitStatus(post, "posted", "failed");
        assertThat(posted.path("status").asString()).as(posted.toString()).isEqualTo("posted");
        assertThat(posted.path("external_id").asString()).isEqualTo("M9");
        PLATFORMS.verify(exactly(1), postRequestedFor(urlPathEqualTo(IG_USER + "/media"))
                .withFormParam("access_token", equalTo("page-token-111")));

        // the first workspace, with Ada's token for it, sees none of it
        assertThat(adaFirst.get("/publishing/" + post).status()).isEqualTo(404);
        assertThat(adaFirst.get("/social-accounts/" + account).status()).isEqualTo(404);
        assertThat(adaFirst.get("/social-accounts").json().path("items").size()).isZero();
        assertThat(firstWorkspace).isNotEqualTo(secondId);
    }

    private JsonNode login(String email, Long workspace) {
        var response = api.withKey(null).post("/auth/login", "{\"email\":\"" + email + "\",\"password\":\""
                + PASSWORD + "\"" + (workspace == null ? "" : ",\"workspace_id\":" + workspace) + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private Api as(JsonNode tokens) {
        return api.withKey(tokens.path("access_token").asString());
    }

    private static void accept(Api anonymous, Api.Response invitation, String name) {
        String token = invitation.json().path("link").asString().replaceAll(".*token=", "");
        var accepted = anonymous.post("/auth/invitations/accept", "{\"token\":\"" + token + "\",\"display_name\":\""
                + name + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(accepted.status()).as(accepted.body()).isIn(200, 201);
    }
}
