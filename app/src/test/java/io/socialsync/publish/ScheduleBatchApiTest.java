package io.socialsync.publish;

import static io.socialsync.publish.PublishingFixtures.clip;
import static io.socialsync.publish.PublishingFixtures.json;
import static io.socialsync.publish.PublishingFixtures.variant;
import static io.socialsync.publish.PublishingFixtures.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.support.Api;
import io.socialsync.support.ClockedServerTest;
import io.socialsync.web.Role;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Batch scheduling and the near-post warnings; "now" is 2030-01-07 08:00 UTC, the Instagram account is in UTC. */
class ScheduleBatchApiTest extends ClockedServerTest {
    private Api api;
    private long ws;
    private long account;

    @BeforeEach
    void workspaceWithAnInstagramAccount() {
        clock.set(START);
        var workspace = newWorkspace(Role.EDITOR);
        api = workspace.api();
        ws = workspace.id();
        account = account("instagram", "UTC");
    }

    @Test
    void itemsAreScheduledInOrderEachAroundTheOnesBeforeItAndARejectionUndoesNothing() {
        var items = List.of(
                item(clip(jdbc, ws), "2030-01-07T20:00:00Z", "idempotency_key", "batch-0"),
                item(clip(jdbc, ws), "2030-01-07T20:00:00Z"),
                item("clip_abc123", "2030-01-07T20:00:00Z"),
                item(clip(jdbc, ws), "2030-01-07T20:00:00Z"),
                item(clip(jdbc, ws), "auto"));
        var response = api.post("/publishing/schedule/batch", json(Map.of("items", items)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode batch = response.json();
        assertThat(batch.path("scheduled").asInt()).isEqualTo(4);
        assertThat(batch.path("rejected").asInt()).isEqualTo(1);
        var results = batch.path("results").valueStream().toList();
        assertThat(results).extracting(r -> r.path("index").asInt()).containsExactly(0, 1, 2, 3, 4);
        assertThat(results).extracting(r -> r.path("status").asString())
                .containsExactly("scheduled", "scheduled", "rejected", "scheduled", "scheduled");
        // each item sees the ones before it: pushed past them by the 60 min gap
        assertThat(results).extracting(r -> r.path("scheduled_for").isNull() ? null : r.path("scheduled_for").asString())
                .containsExactly("2030-01-07T20:00:00Z", "2030-01-07T21:00:00Z", null, "2030-01-07T22:00:00Z",
                        "2030-01-07T18:00:00Z");
        assertThat(results.get(1).path("reason").asString()).startsWith("Adjusted 60min forward to respect 60min gap");
        assertThat(results.get(2).path("reason").asString()).isEqualTo("Clip not found: clip_abc123");
        assertThat(results.get(2).path("created").asBoolean()).isFalse();
        assertThat(results.get(0).path("created").asBoolean()).isTrue();
        // the rejected item did not undo the others: they are committed, with their ledger events
        for (int i : new int[] {0, 1, 3, 4}) {
            String id = results.get(i).path("publish_log_id").asString();
            assertThat(api.get("/publishing/" + id).json().path("status").asString()).isEqualTo("scheduled");
            assertThat(api.get("/ledger?entity_type=publication&entity_id=" + id
                    + "&event_type=publish_scheduled_created").json().path("items").size()).isEqualTo(1);
        }
        // the second item is near the first: a warning naming it
        JsonNode warning = results.get(1).path("warnings").get(0);
        assertThat(warning.path("code").asString()).isEqualTo("near_post");
        assertThat(warning.path("publish_log_id").asString()).isEqualTo(results.get(0).path("publish_log_id").asString());

        // a repeated idempotency key answers with the first publication, not a new one
        var again = api.post("/publishing/schedule/batch", json(Map.of("items", List.of(items.get(0))))).json()
                .path("results").get(0);
        assertThat(again.path("created").asBoolean()).isFalse();
        assertThat(again.path("publish_log_id").asString()).isEqualTo(results.get(0).path("publish_log_id").asString());
    }

    @Test
    void aMalformedItemOrTooManyItemsIsA400AndSchedulesNothing() {
        long clip = clip(jdbc, ws);
        var bad = api.post("/publishing/schedule/batch", json(Map.of("items", List.of(
                item(clip, "2030-01-07T20:00:00Z"), item(clip(jdbc, ws), "tomorrow-ish")))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.json().path("errors").get(0).path("field").asString()).isEqualTo("items[1].scheduled_for");
        assertThat(api.get("/publishing/schedule/" + clip).json().size()).isZero();

        var tooMany = new ArrayList<Map<String, Object>>(Collections.nCopies(501, item(clip, "auto")));
        var over = api.post("/publishing/schedule/batch", json(Map.of("items", tooMany)));
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.json().path("errors").get(0).path("field").asString()).isEqualTo("items");
        assertThat(over.json().path("errors").get(0).path("message").asString()).contains("at most 500");
        assertThat(api.post("/publishing/schedule/batch", json(Map.of("items", List.of()))).status()).isEqualTo(400);
        assertThat(api.post("/publishing/schedule/batch", "{\"items\": [").status()).isEqualTo(400);
        assertThat(api.get("/publishing/schedule/" + clip).json().size()).isZero();
        assertThat(keyFor(ws, Role.VIEWER).post("/publishing/schedule/batch", json(Map.of("items",
                List.of(item(clip, "auto"))))).status()).isEqualTo(403);
    }

    @Test
    void aPostNearAnotherOfTheSameAccountOrTheSameClipOnTheSamePlatformIsWarnedAboutNotRefused() {
        // clips with their files rendered: a missing file is a warning of its own (ScheduledVariantRenderTest)
        long clipA = renderedClip();
        JsonNode a = schedule(api, item(clipA, "2030-01-07T20:00:00Z"));
        assertThat(a.path("warnings").size()).isZero();
        String aId = a.path("publish_log_id").asString();

        // 90 min after a: past the 60 min gap, so scheduled as asked, but within twice the gap
        JsonNode b = schedule(api, item(renderedClip(), "2030-01-07T21:30:00Z"));
        assertThat(b.path("scheduled_for").asString()).isEqualTo("2030-01-07T21:30:00Z");
        assertThat(b.path("warnings").size()).isEqualTo(1);
        JsonNode near = b.path("warnings").get(0);
        assertThat(near.path("code").asString()).isEqualTo("near_post");
        assertThat(near.path("publish_log_id").asString()).isEqualTo(aId);
        assertThat(near.path("message").asString()).contains("90min earlier").contains("twice the 60min gap");

        // exactly twice the gap before a: not near
        JsonNode c = schedule(api, item(renderedClip(), "2030-01-07T18:00:00Z"));
        assertThat(c.path("warnings").size()).isZero();

        // a's clip on another Instagram account the same evening: duplicate-content warning naming a
        long second = account("instagram", "UTC");
        var twin = item(clipA, "2030-01-07T22:00:00Z");
        twin.put("social_account_id", String.valueOf(second));
        JsonNode d = schedule(api, twin);
        assertThat(d.path("status").asString()).isEqualTo("scheduled");
        assertThat(d.path("warnings").valueStream().map(w -> w.path("code").asString()))
                .containsExactly("same_clip_same_platform");
        assertThat(d.path("warnings").get(0).path("publish_log_id").asString()).isEqualTo(aId);
        // the same clip on TikTok is ordinary cross-posting: no warning
        long tiktok = account("tiktok", "UTC");
        var cross = item(clipA, "2030-01-07T20:00:00Z");
        cross.put("social_account_id", String.valueOf(tiktok));
        cross.put("platform", "tiktok");
        assertThat(schedule(api, cross).path("warnings").size()).isZero();

        // rescheduling warns too, and never about the publication's own old slot
        var moved = api.post("/publishing/" + c.path("publish_log_id").asString() + "/reschedule",
                json(Map.of("scheduled_for", "2030-01-07T19:00:00Z"))).json();
        assertThat(moved.path("scheduled_for").asString()).isEqualTo("2030-01-07T19:00:00Z");
        assertThat(moved.path("warnings").valueStream().map(w -> w.path("publish_log_id").asString()))
                .containsExactly(aId);
    }

    @Test
    void aCaptionOverThePlatformsLimitIsA400NamingItAndSchedulesNothing() {
        long clip = clip(jdbc, ws);
        var tooLong = item(clip, "auto", "caption", "x".repeat(2201));
        var refused = api.post("/publishing/schedule", json(tooLong));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("caption");
        assertThat(refused.json().path("errors").get(0).path("message").asString())
                .isEqualTo("is 2201 characters: instagram takes at most 2200 characters");
        String tags = "#a ".repeat(31);
        var batch = api.post("/publishing/schedule/batch", json(Map.of("items", List.of(
                item(clip, "auto", "caption", "fine #one"), item(clip(jdbc, ws), "auto", "caption", tags)))));
        assertThat(batch.status()).isEqualTo(400);
        assertThat(batch.json().path("errors").get(0).path("field").asString()).isEqualTo("items[1].caption");
        assertThat(batch.json().path("errors").get(0).path("message").asString())
                .isEqualTo("has 31 hashtags: instagram takes at most 30");
        assertThat(api.get("/publishing/schedule/" + clip).json().size()).isZero();
        // at the limit exactly: scheduled
        assertThat(schedule(api, item(clip, "auto", "caption", "#a ".repeat(30) + "x".repeat(2110)))
                .path("status").asString()).isEqualTo("scheduled");
    }

    /** A clip with READY Instagram and TikTok variants. */
    private long renderedClip() {
        long clip = clip(jdbc, ws);
        variant(jdbc, ws, clip);
        jdbc.sql("INSERT INTO variants (workspace_id, clip_id, format, preset, preset_params, seed, state, created_at, "
                + "updated_at) VALUES (?, ?, 'tiktok', 'plain', '{}', 42, 'READY', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .params(ws, clip).update();
        return clip;
    }

    private Map<String, Object> item(Object clip, String when, Object... more) {
        var body = new HashMap<String, Object>();
        body.put("clip_id", String.valueOf(clip));
        body.put("platform", "instagram");
        body.put("social_account_id", String.valueOf(account));
        body.put("scheduled_for", when);
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    private long account(String platform, String zone) {
        var created = api.post("/social-accounts", json(Map.of("platform", platform, "handle", "h", "timezone", zone,
                "access_token", "t")));
        assertThat(created.status()).isEqualTo(201);
        return created.json().path("id").asLong();
    }
}
