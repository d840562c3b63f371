package io.socialsync.publish;

import static io.socialsync.publish.PublishingFixtures.clip;
import static io.socialsync.publish.PublishingFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.support.Api;
import io.socialsync.support.ClockedServerTest;
import io.socialsync.web.Role;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /publishing/calendar}: a time range of the workspace's publications, in time order, page by page. */
class CalendarApiTest extends ClockedServerTest {
    private Api api;
    private long ws;
    private long instagram;
    private long tiktok;

    @BeforeEach
    void twoAccounts() {
        clock.set(START);
        var workspace = newWorkspace(Role.EDITOR);
        api = workspace.api();
        ws = workspace.id();
        instagram = account("instagram", "UTC");
        tiktok = account("tiktok", "Europe/Madrid");
    }

    @Test
    void aRangeListsTheWorkspacesPublicationsInTimeOrderPageByPage() {
        String tt7 = schedule(tiktok, "tiktok", "2030-01-07T17:00:00Z"); // 18:00 in Madrid
        String in7 = schedule(instagram, "instagram", "2030-01-07T20:00:00Z");
        String tt8 = schedule(tiktok, "tiktok", "2030-01-08T19:00:00Z");
        String in8 = schedule(instagram, "instagram", "2030-01-08T19:00:00Z"); // same instant as tt8: a tie
        String in9 = schedule(instagram, "instagram", "2030-01-09T18:00:00Z");
        schedule(instagram, "instagram", "2030-01-10T20:00:00Z"); // outside the range below
        assertThat(api.post("/publishing/" + in8 + "/cancel", null).status()).isEqualTo(200);

        // dates: from the start of the 7th to the end of the 9th (UTC)
        var all = items(calendar("from=2030-01-07&to=2030-01-09"));
        assertThat(ids(all)).containsExactly(tt7, in7, minId(tt8, in8), maxId(tt8, in8), in9);
        JsonNode first = all.get(0);
        assertThat(first.path("platform").asString()).isEqualTo("tiktok");
        assertThat(first.path("social_account_id").asString()).isEqualTo(String.valueOf(tiktok));
        assertThat(first.path("handle").asString()).isEqualTo("h-tiktok");
        assertThat(first.path("timezone").asString()).isEqualTo("Europe/Madrid");
        assertThat(first.path("status").asString()).isEqualTo("scheduled");
        assertThat(first.path("scheduled_for").asString()).isEqualTo("2030-01-07T17:00:00Z");
        assertThat(first.path("scheduled_for_local").asString()).isEqualTo("2030-01-07T18:00:00+01:00");
        assertThat(first.path("scheduled_window_end").asString()).isEqualTo("2030-01-07T23:00:00Z"); // 24:00 Madrid
        assertThat(first.path("clip_id").asString()).isNotBlank();

        // one item per page, across the tie, walks exactly the same list
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            var page = calendar("from=2030-01-07&to=2030-01-09&limit=1"
                    + (cursor == null ? "" : "&after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            walked.addAll(ids(items(page)));
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asString();
        } while (cursor != null);
        assertThat(walked).containsExactlyElementsOf(ids(all));
        var two = calendar("from=2030-01-07&to=2030-01-09&limit=2");
        assertThat(ids(items(two))).containsExactly(tt7, in7);
        assertThat(ids(items(calendar("from=2030-01-07&to=2030-01-09&limit=3&after="
                + two.path("next_cursor").asString())))).containsExactly(minId(tt8, in8), maxId(tt8, in8), in9);

        // instants: to is exclusive
        assertThat(ids(items(calendar("from=2030-01-07T17:00:00Z&to=2030-01-07T20:00:00Z")))).containsExactly(tt7);
        // filters
        assertThat(ids(items(calendar("from=2030-01-07&to=2030-01-09&social_account_id=" + tiktok))))
                .containsExactly(tt7, tt8);
        assertThat(ids(items(calendar("from=2030-01-07&to=2030-01-09&platform=instagram&state=scheduled"))))
                .containsExactly(in7, in9);
        assertThat(ids(items(calendar("from=2030-01-07&to=2030-01-09&state=cancelled")))).containsExactly(in8);
        assertThat(ids(items(calendar("from=2030-01-07&to=2030-01-09&state=cancelled,scheduled")))).hasSize(5);
        // a date read in another zone: the 8th in Tokyo is 2030-01-07T15:00Z to 2030-01-08T15:00Z
        assertThat(ids(items(calendar("from=2030-01-08&to=2030-01-08&timezone=Asia/Tokyo"))))
                .containsExactly(tt7, in7);
        // another workspace sees none of it
        assertThat(items(newWorkspace(Role.VIEWER).api().get("/publishing/calendar?from=2030-01-07&to=2030-01-09")
                .json())).isEmpty();
        // a viewer may read the calendar
        assertThat(items(keyFor(ws, Role.VIEWER).get("/publishing/calendar?from=2030-01-07&to=2030-01-09").json()))
                .hasSize(5);
    }

    @Test
    void aBadRangeOrFilterIsAProblemNamingTheField() {
        assertProblem("to=2030-01-09", "from");
        assertProblem("from=2030-01-09&to=2030-01-09T00:00:00Z", "to"); // empty range
        assertProblem("from=2030-01-10T00:00:00Z&to=2030-01-09T00:00:00Z", "to");
        assertProblem("from=2030-01-01&to=2030-04-03", "to"); // 93 days
        assertThat(calendar("from=2030-01-01&to=2030-04-02").path("items").isArray()).isTrue(); // 92 days
        assertProblem("from=yesterday&to=2030-01-09", "from");
        assertProblem("from=2030-01-07&to=2030-01-09&state=scheduled,lost", "state");
        assertProblem("from=2030-01-07&to=2030-01-09&platform=myspace", "platform");
        assertProblem("from=2030-01-07&to=2030-01-09&timezone=Mars/Olympus", "timezone");
        assertProblem("from=2030-01-07&to=2030-01-09&after=not-a-cursor", "after");
        assertThat(api.get("/publishing/calendar?from=2030-01-07&to=2030-01-09&limit=501").status()).isEqualTo(400);
    }

    private void assertProblem(String query, String field) {
        var r = api.get("/publishing/calendar?" + query);
        assertThat(r.status()).as(query).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("errors").valueStream().map(e -> e.path("field").asString())).as(query)
                .contains(field);
    }

    private JsonNode calendar(String query) {
        var r = api.get("/publishing/calendar?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<JsonNode> items(JsonNode page) {
        return page.path("items").valueStream().toList();
    }

    private static List<String> ids(List<JsonNode> items) {
        return items.stream().map(i -> i.path("id").asString()).toList();
    }

    private static String minId(String a, String b) {
        return Long.parseLong(a) < Long.parseLong(b) ? a : b;
    }

    private static String maxId(String a, String b) {
        return Long.parseLong(a) < Long.parseLong(b) ? b : a;
    }

    private String schedule(long account, String platform, String when) {
        var r = PublishingFixtures.schedule(api, Map.of("clip_id", String.valueOf(clip(jdbc, ws)), "platform",
                platform, "social_account_id", String.valueOf(account), "scheduled_for", when));
        assertThat(r.path("status").asString()).as(r.toString()).isEqualTo("scheduled");
        assertThat(r.path("scheduled_for").asString()).as("scheduled as asked").isEqualTo(when);
        return r.path("publish_log_id").asString();
    }

    private long account(String platform, String zone) {
        var created = api.post("/social-accounts", json(Map.of("platform", platform, "handle", "h-" + platform,
                "timezone", zone, "access_token", "t")));
        assertThat(created.status()).isEqualTo(201);
        return created.json().path("id").asLong();
    }
}
