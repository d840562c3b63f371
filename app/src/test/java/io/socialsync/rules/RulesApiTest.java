package io.socialsync.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.support.ClockedServerTest;
import io.socialsync.web.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RulesApiTest extends ClockedServerTest {

    @Test
    void theDefaultsAreTheSeedsUntilAWorkspaceSavesItsOwnVersions() {
        var api = newWorkspace(Role.EDITOR).api();
        JsonNode defaults = api.get("/rules").json();
        assertThat(defaults.path("version").asInt()).isZero();
        assertThat(defaults.path("is_default").asBoolean()).isTrue();
        assertRule(defaults, "instagram", 18, 23, 60);
        assertRule(defaults, "tiktok", 16, 24, 30);
        assertRule(defaults, "youtube", 17, 22, 90);
        assertRule(defaults, "facebook", 12, 21, 60);

        var first = api.post("/rules",
                "{\"rules\": {\"tiktok\": {\"window_start_hour\": 15, \"min_gap_minutes\": 45}}}");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().path("version").asInt()).isEqualTo(1);
        assertRule(api.get("/rules").json(), "tiktok", 15, 24, 45);
        assertRule(api.get("/rules").json(), "instagram", 18, 23, 60);

        api.post("/rules", "{\"rules\": {\"instagram\": {\"window_end_hour\": 24}}}");
        JsonNode active = api.get("/rules").json();
        assertThat(active.path("version").asInt()).isEqualTo(2);
        assertRule(active, "instagram", 18, 24, 60);
        assertRule(active, "tiktok", 15, 24, 45);
        assertThat(api.get("/rules/versions").json().valueStream().map(v -> v.path("version").asInt()))
                .containsExactly(2, 1);
        assertRule(api.get("/rules/versions/1").json(), "instagram", 18, 23, 60);
        assertThat(api.get("/rules/versions/9").status()).isEqualTo(404);
        var events = api.get("/ledger?event_type=platform_rules_created").json().path("items");
        assertThat(events.size()).isEqualTo(2);
        // another workspace still has the defaults
        assertThat(newWorkspace(Role.VIEWER).api().get("/rules").json().path("version").asInt()).isZero();
    }

    @Test
    void badRulesAreFieldErrorsAndSaveNothing() {
        var ws = newWorkspace(Role.EDITOR);
        var api = ws.api();
        var reversed = api.post("/rules", "{\"rules\": {\"instagram\": {\"window_start_hour\": 22, "
                + "\"window_end_hour\": 20}}}");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reversed.json().path("errors").get(0).path("field").asString())
                .isEqualTo("rules.instagram.window_end_hour");
        var several = api.post("/rules", "{\"rules\": {\"youtube\": {\"window_start_hour\": -1, "
                + "\"window_end_hour\": 25, \"min_gap_minutes\": -5}, \"pinterest\": {}}}").json().path("errors");
        assertThat(several.valueStream().map(e -> e.path("field").asString())).contains(
                "rules.youtube.window_start_hour", "rules.youtube.window_end_hour", "rules.youtube.min_gap_minutes",
                "rules.pinterest");
        assertThat(api.post("/rules", "{\"rules\": {}}").status()).isEqualTo(400);
        assertThat(api.post("/rules", "{\"rules\": {\"tiktok\": {\"window_start_hour\": \"noon\"}}}").status())
                .isEqualTo(400);
        assertThat(api.get("/rules").json().path("version").asInt()).isZero();
        assertThat(keyFor(ws.id(), Role.VIEWER).post("/rules", "{\"rules\": {\"tiktok\": {\"min_gap_minutes\": 5}}}")
                .status()).isEqualTo(403);
    }

    @Test
    void anUnknownPropertyIsA400NamingItAndSavesNothing() {
        var api = newWorkspace(Role.EDITOR).api();
        // the camelCase spelling used to answer 201 and save an unchanged version
        var camel = api.post("/rules", "{\"rules\": {\"tiktok\": {\"windowStartHour\": 15}}}");
        assertThat(camel.status()).isEqualTo(400);
        assertThat(camel.header("Content-Type")).startsWith("application/problem+json");
        assertThat(camel.json().path("detail").asString()).contains("windowStartHour");
        var error = camel.json().path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("rules.tiktok.windowStartHour");
        assertThat(error.path("message").asString()).contains("window_start_hour");
        assertThat(api.post("/rules", "{\"rules\": {\"tiktok\": {\"min_gap_minutes\": 40}}, \"note\": \"x\"}")
                .json().path("errors").get(0).path("field").asString()).isEqualTo("note");
        assertThat(api.get("/rules").json().path("version").asInt()).isZero();
        assertThat(api.get("/rules/versions").json().size()).isZero();
    }

    private static void assertRule(JsonNode set, String platform, int start, int end, int gap) {
        JsonNode rule = set.path("rules").path(platform);
        assertThat(rule.path("window_start_hour").asInt()).as(platform).isEqualTo(start);
        assertThat(rule.path("window_end_hour").asInt()).as(platform).isEqualTo(end);
        assertThat(rule.path("min_gap_minutes").asInt()).as(platform).isEqualTo(gap);
    }
}
