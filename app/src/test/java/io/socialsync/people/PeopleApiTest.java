package io.socialsync.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.ledger.Actor;
import io.socialsync.support.Api;
import io.socialsync.support.ServerTest;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspace;
import io.socialsync.workspace.Workspaces;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The people flows over real HTTP with real tokens: login, refresh, logout, invitations, members, workspaces. */
class PeopleApiTest extends ServerTest {
    static final String PASSWORD = "correct horse battery staple";
    @Autowired People people;
    @Autowired Workspaces workspaces;
    long defaultWorkspace;
    String email;

    @BeforeEach
    void firstPerson() {
        defaultWorkspace = workspaces.byName(Workspace.DEFAULT_NAME).orElseThrow().id();
        email = "admin-" + UUID.randomUUID() + "@example.com";
        people.create(email, "Ada Admin", PASSWORD, defaultWorkspace, Role.ADMIN, Actor.CLI);
    }

    private Api anonymous() {
        return admin.withKey(null);
    }

    private Api.Response login(String who, String password, Long workspace) {
        return anonymous().post("/auth/login", "{\"email\":\"" + who + "\",\"password\":\"" + password + "\""
                + (workspace == null ? "" : ",\"workspace_id\":" + workspace) + "}");
    }

    private JsonNode tokens(String who, String password, Long workspace) {
        var response = login(who, password, workspace);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private Api as(JsonNode tokens) {
        return admin.withKey(tokens.get("access_token").asString());
    }

    private Api.Response refresh(String refreshToken) {
        return anonymous().post("/auth/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}");
    }

    @Test
    void aJwtIsAcceptedWhereverAnApiKeyIsWithTheMembersRole() {
        var t = tokens(email.toUpperCase(), PASSWORD, null);
        assertThat(t.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(t.get("workspace_id").asLong()).isEqualTo(defaultWorkspace);
        var me = as(t).get("/auth/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("user").get("email").asString()).isEqualTo(email);
        assertThat(me.json().get("role").asString()).isEqualTo("admin");
        assertThat(me.json().get("memberships").size()).isEqualTo(1);
        assertThat(as(t).get("/jobs").status()).isEqualTo(200);
        assertThat(as(t).post("/api-keys", "{\"name\":\"from a person\",\"role\":\"viewer\"}").status()).isEqualTo(201);
        // an API key still answers /auth/me, as a key
        assertThat(admin.get("/auth/me").json().get("api_key_id").isNull()).isFalse();
    }

    @Test
    void refreshTokensRotateAndAReusedOneRevokesItsFamily() {
        var first = tokens(email, PASSWORD, null);
        var second = refresh(first.get("refresh_token").asString());
        assertThat(second.status()).isEqualTo(200);
        String next = second.json().get("refresh_token").asString();
        assertThat(next).isNotEqualTo(first.get("refresh_token").asString());
        assertThat(as(second.json()).get("/jobs").status()).isEqualTo(200);

        var replay = refresh(first.get("refresh_token").asString());
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.header("Content-Type")).startsWith("application/problem+json");
        assertThat(replay.json().get("detail").asString()).contains("already used");
        assertThat(refresh(next).status()).as("the legitimate twin is revoked too").isEqualTo(401);

        var other = tokens(email, PASSWORD, null);
        assertThat(refresh(other.get("refresh_token").asString()).status()).as("another login is untouched")
                .isEqualTo(200);
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        var t = tokens(email, PASSWORD, null);
        String refreshToken = t.get("refresh_token").asString();
        assertThat(anonymous().post("/auth/logout", "{\"refresh_token\":\"" + refreshToken + "\"}").status())
                .isEqualTo(204);
        assertThat(refresh(refreshToken).status()).isEqualTo(401);
        assertThat(anonymous().post("/auth/logout", "{\"refresh_token\":\"" + refreshToken + "\"}").status())
                .as("twice is fine").isEqualTo(204);
    }

    @Test
    void anUnknownEmailGetsTheSameAnswerAsAWrongPassword() {
        var unknown = login("nobody-" + UUID.randomUUID() + "@example.com", PASSWORD, null);
        var wrong = login(email, "not the password", null);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());

        String known = anonymous().post("/auth/password-reset", "{\"email\":\"" + email + "\"}").body();
        String nobody = anonymous().post("/auth/password-reset",
                "{\"email\":\"nobody-" + UUID.randomUUID() + "@example.com\"}").body();
        assertThat(known).isEqualTo(nobody);
    }

    @Test
    void anAccountFailingTooOftenIsThrottledEvenWithTheRightPassword() {
        String victim = "victim-" + UUID.randomUUID() + "@example.com";
        people.create(victim, "Vic", PASSWORD, defaultWorkspace, Role.VIEWER, Actor.CLI);
        for (int i = 0; i < 10; i++) {
            assertThat(login(victim, "wrong password " + i, null).status()).isEqualTo(401);
        }
        var blocked = login(victim, PASSWORD, null);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(login(email, PASSWORD, null).status()).as("another account").isEqualTo(200);
    }

    @Test
    void invitedColleagueJoinsAsEditorAndAnotherWorkspaceSeesNoneOfIt() {
        var adminTokens = tokens(email, PASSWORD, null);
        var created = as(adminTokens).post("/workspaces", "{\"name\":\"second-" + UUID.randomUUID() + "\"}");
        assertThat(created.status()).isEqualTo(201);
        long second = created.json().get("id").asLong();
        assertThat(as(adminTokens).get("/workspaces").json().size()).isEqualTo(2);
        var inSecond = as(tokens(email, PASSWORD, second));

        String colleague = "colleague-" + UUID.randomUUID() + "@example.com";
        var invited = inSecond.post("/workspaces/" + second + "/invitations",
                "{\"email\":\"" + colleague + "\",\"role\":\"editor\"}");
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        assertThat(invited.json().get("mailed").asBoolean()).isFalse();
        String token = invited.json().get("link").asString().replaceAll(".*token=", "");

        var accepted = anonymous().post("/auth/invitations/accept",
                "{\"token\":\"" + token + "\",\"display_name\":\"Col League\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("refresh_token").asString()).as("the API flow keeps its tokens").isNotBlank();
        assertThat(anonymous().post("/auth/invitations/accept", "{\"token\":\"" + token
                + "\",\"display_name\":\"Again\",\"password\":\"" + PASSWORD + "\"}").status())
                .as("a link works once").isEqualTo(404);

        var editor = as(tokens(colleague, PASSWORD, null));
        var me = editor.get("/auth/me").json();
        assertThat(me.get("workspace_id").asLong()).isEqualTo(second);
        assertThat(me.get("role").asString()).isEqualTo("editor");
        assertThat(editor.get("/jobs").status()).isEqualTo(200);
        assertThat(editor.post("/workspaces/" + second + "/invitations",
                "{\"email\":\"x-" + UUID.randomUUID() + "@example.com\",\"role\":\"viewer\"}").status())
                .as("inviting takes an admin").isEqualTo(403);
        assertThat(inSecond.get("/workspaces/" + second + "/members").json().size()).isEqualTo(2);

        // the first workspace's resources are not found from the second
        long firstKey = admin.post("/api-keys", "{\"name\":\"first's\",\"role\":\"viewer\"}").json().get("id").asLong();
        assertThat(inSecond.post("/api-keys/" + firstKey + "/revoke", "").status()).isEqualTo(404);
        assertThat(editor.get("/workspaces/" + defaultWorkspace + "/members").status()).isEqualTo(404);
        assertThat(editor.post("/workspaces/" + defaultWorkspace + "/invitations",
                "{\"email\":\"y@example.com\",\"role\":\"admin\"}").status()).isEqualTo(404);
        assertThat(login(colleague, PASSWORD, defaultWorkspace).status()).as("not a member there").isEqualTo(400);

        // removed: the token still verifies but the membership is gone, so it is refused at once
        long colleagueId = me.get("user").get("id").asLong();
        assertThat(inSecond.delete("/workspaces/" + second + "/members/" + colleagueId).status()).isEqualTo(204);
        var types = new java.util.ArrayList<String>();
        inSecond.get("/ledger?limit=50").json().get("items").forEach(e -> types.add(e.get("event_type").asString()));
        assertThat(types).contains("workspace_created", "member_invited", "member_joined", "user_logged_in",
                "member_removed");
        var refused = editor.get("/jobs");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asString()).contains("no longer a member");
    }

    @Test
    void theLastAdminCanBeNeitherDemotedNorRemoved() {
        var t = tokens(email, PASSWORD, null);
        var created = as(t).post("/workspaces", "{\"name\":\"solo-" + UUID.randomUUID() + "\"}").json();
        long ws = created.get("id").asLong();
        var solo = as(tokens(email, PASSWORD, ws));
        long me = solo.get("/auth/me").json().get("user").get("id").asLong();
        var demote = solo.send(solo.request("/workspaces/" + ws + "/members/" + me)
                .header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"role\":\"editor\"}")));
        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.json().get("detail").asString()).contains("last admin");
        assertThat(solo.delete("/workspaces/" + ws + "/members/" + me).status()).isEqualTo(409);
        assertThat(solo.get("/auth/me").json().get("role").asString()).isEqualTo("admin");

        var renamed = solo.send(solo.request("/workspaces/" + ws).header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"renamed-"
                        + UUID.randomUUID() + "\"}")));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("name").asString()).startsWith("renamed-");
    }

    @Test
    void passwordResetSetsANewPasswordAndEndsSessions() {
        var before = tokens(email, PASSWORD, null);
        String link = people.requestReset(email).orElseThrow();
        String token = link.replaceAll(".*token=", "");
        assertThat(anonymous().post("/auth/password-reset/confirm",
                "{\"token\":\"" + token + "\",\"password\":\"short\"}").status()).as("NIST minimum 8").isEqualTo(400);
        assertThat(anonymous().post("/auth/password-reset/confirm",
                "{\"token\":\"" + token + "\",\"password\":\"a whole new passphrase\"}").status()).isEqualTo(204);
        assertThat(login(email, PASSWORD, null).status()).isEqualTo(401);
        assertThat(login(email, "a whole new passphrase", null).status()).isEqualTo(200);
        assertThat(refresh(before.get("refresh_token").asString()).status()).isEqualTo(401);
        assertThat(anonymous().post("/auth/password-reset/confirm",
                "{\"token\":\"" + token + "\",\"password\":\"yet another passphrase\"}").status())
                .as("once only").isEqualTo(401);
    }

    @Test
    void registrationIsClosedByDefault() {
        var response = anonymous().post("/auth/register", "{\"email\":\"new-" + UUID.randomUUID()
                + "@example.com\",\"display_name\":\"New\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
}
