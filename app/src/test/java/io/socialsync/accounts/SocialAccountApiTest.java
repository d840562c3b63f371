package io.socialsync.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.support.Api;
import io.socialsync.support.ClockedServerTest;
import io.socialsync.web.Role;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SocialAccountApiTest extends ClockedServerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private Workspace ws;

    @BeforeEach
    void workspace() {
        ws = newWorkspace(Role.EDITOR);
    }

    @Test
    void tokensAreStoredSealedAndNeverComeBack() {
        var created = create(Map.of("platform", "instagram", "handle", "stakazo", "timezone", "Europe/Madrid",
                "external_ids", Map.of("ig_user_id", "17841400000"), "access_token", "tok-AAA",
                "refresh_token", "ref-AAA", "token_expires_at", "2030-03-01T00:00:00Z"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode account = created.json();
        long id = account.path("id").asLong();
        assertThat(account.path("has_access_token").asBoolean()).isTrue();
        assertThat(account.path("has_refresh_token").asBoolean()).isTrue();
        assertThat(account.path("token_expires_at").asString()).isEqualTo("2030-03-01T00:00:00Z");
        assertThat(account.path("external_ids").path("ig_user_id").asString()).isEqualTo("17841400000");
        assertThat(account.path("status").asString()).isEqualTo("active");
        assertThat(account.has("access_token") || account.has("access_token_enc")).isFalse();
        var stored = tokens(id);
        assertThat(stored.get("access_token_enc")).startsWith("v1:").doesNotContain("tok-AAA");
        assertThat(stored.get("refresh_token_enc")).startsWith("v1:").doesNotContain("ref-AAA");

        // a reconnect that sends an empty refresh token keeps the stored one
        var patched = patch(ws.api(), id, Map.of("access_token", "tok-BBB", "refresh_token", "", "handle", "stakazo2"));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("handle").asString()).isEqualTo("stakazo2");
        var after = tokens(id);
        assertThat(after.get("refresh_token_enc")).isEqualTo(stored.get("refresh_token_enc"));
        assertThat(after.get("access_token_enc")).isNotEqualTo(stored.get("access_token_enc"));
        assertThat(patch(ws.api(), id, Map.of("timezone", "America/New_York")).json().path("has_refresh_token")
                .asBoolean()).isTrue();
        assertThat(tokens(id).get("refresh_token_enc")).isEqualTo(stored.get("refresh_token_enc"));

        String everything = ws.api().get("/social-accounts").body() + ws.api().get("/social-accounts/" + id).body()
                + ws.api().get("/ledger?entity_type=social_account&entity_id=" + id).body();
        assertThat(everything).doesNotContain("tok-AAA", "tok-BBB", "ref-AAA", "v1:");
        var events = ws.api().get("/ledger?entity_type=social_account&entity_id=" + id).json().path("items");
        assertThat(events.valueStream().map(e -> e.path("event_type").asString()))
                .containsExactly("social_account_updated", "social_account_updated", "social_account_created");
        assertThat(events.get(1).path("payload").path("changed").toString())
                .contains("access_token", "handle").doesNotContain("refresh_token");
    }

    @Test
    void badFieldsAreNamedInA400AndChangeNothing() {
        var badZone = create(Map.of("platform", "instagram", "handle", "x", "timezone", "Mars/Olympus"));
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.header("Content-Type")).startsWith("application/problem+json");
        assertThat(badZone.json().path("errors").get(0).path("field").asString()).isEqualTo("timezone");
        assertThat(create(Map.of("platform", "instagram", "handle", "x", "timezone", "+02:00")).status())
                .isEqualTo(400);
        var twoBad = create(Map.of("platform", "myspace", "handle", "x", "timezone", "UTC"));
        assertThat(twoBad.json().path("errors").get(0).path("field").asString()).isEqualTo("platform");
        assertThat(create(Map.of("platform", "tiktok", "timezone", "UTC")).status()).isEqualTo(400);
        long id = create(Map.of("platform", "tiktok", "handle", "x", "timezone", "UTC")).json().path("id").asLong();
        assertThat(patch(ws.api(), id, Map.of("status", "needs_reauth")).status()).isEqualTo(400);
        assertThat(patch(ws.api(), id, Map.of("timezone", "Nowhere")).status()).isEqualTo(400);
        assertThat(ws.api().get("/social-accounts").json().path("items").size()).isEqualTo(1);
        assertThat(patch(ws.api(), id, Map.of("status", "disabled")).json().path("status").asString())
                .isEqualTo("disabled");
    }

    @Test
    void anotherWorkspaceSeesNothingAndViewersOnlyRead() {
        long id = create(Map.of("platform", "youtube", "handle", "chan", "timezone", "UTC",
                "external_ids", Map.of("channel_id", "UC123"))).json().path("id").asLong();
        var other = newWorkspace(Role.ADMIN).api();
        assertThat(other.get("/social-accounts/" + id).status()).isEqualTo(404);
        assertThat(patch(other, id, Map.of("handle", "stolen")).status()).isEqualTo(404);
        assertThat(other.delete("/social-accounts/" + id).status()).isEqualTo(404);
        assertThat(other.get("/social-accounts").json().path("items").size()).isZero();

        var viewer = keyFor(ws.id(), Role.VIEWER);
        assertThat(viewer.get("/social-accounts/" + id).status()).isEqualTo(200);
        assertThat(viewer.post("/social-accounts", JSON.writeValueAsString(Map.of("platform", "youtube", "handle", "x",
                "timezone", "UTC"))).status()).isEqualTo(403);
        assertThat(patch(viewer, id, Map.of("handle", "x")).status()).isEqualTo(403);
        assertThat(viewer.delete("/social-accounts/" + id).status()).isEqualTo(403);

        assertThat(ws.api().delete("/social-accounts/" + id).status()).isEqualTo(204);
        assertThat(ws.api().get("/social-accounts/" + id).status()).isEqualTo(404);
        assertThat(tokens(id).get("access_token_enc")).isNull();
    }

    private Api.Response create(Map<String, Object> body) {
        return ws.api().post("/social-accounts", JSON.writeValueAsString(body));
    }

    private static Api.Response patch(Api api, long id, Map<String, Object> body) {
        return api.send(api.request("/social-accounts/" + id).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private Map<String, String> tokens(long id) {
        return jdbc.sql("SELECT access_token_enc, refresh_token_enc FROM social_accounts WHERE id = ?").param(id)
                .query((rs, n) -> {
                    var map = new java.util.HashMap<String, String>();
                    map.put("access_token_enc", rs.getString(1));
                    map.put("refresh_token_enc", rs.getString(2));
                    return map;
                }).single();
    }
}
