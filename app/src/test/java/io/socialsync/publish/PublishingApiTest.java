package io.socialsync.publish;

import static io.socialsync.publish.PublishingFixtures.clip;
import static io.socialsync.publish.PublishingFixtures.json;
import static io.socialsync.publish.PublishingFixtures.schedule;
import static io.socialsync.publish.PublishingFixtures.variant;
import static io.socialsync.support.IdempotencyKeyChecks.assertReplayedAndReuseRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.support.Api;
import io.socialsync.support.ClockedServerTest;
import io.socialsync.support.Eventually;
import io.socialsync.web.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The seed's scheduler over HTTP; "now" is {@link #clock}, 2030-01-07 08:00 UTC at the start of each test. */
class PublishingApiTest extends ClockedServerTest {
    private Workspace ws;
    private Api api;
    private long account;

    @BeforeEach
    void workspaceWithAnInstagramAccount() {
        clock.set(START);
        ws = newWorkspace(Role.EDITOR);
        api = ws.api();
        account = account("instagram", "UTC");
    }

    @Test
    void aRequestInsideTheWindowIsScheduledAsIsAndTheNextOneKeepsTheGap() {
        long clip = clip(jdbc, ws.id());
        long variant = variant(jdbc, ws.id(), clip);
        var first = api.post("/publishing/schedule",
                json(request(clip, "2030-01-07T20:00:00Z", "variant_id", variant)));
        assertThat(first.status()).isEqualTo(201);
        JsonNode scheduled = first.json();
        assertThat(scheduled.path("status").asString()).isEqualTo("scheduled");
        assertThat(scheduled.path("scheduled_for").asString()).isEqualTo("2030-01-07T20:00:00Z");
        assertThat(scheduled.path("scheduled_window_end").asString()).isEqualTo("2030-01-07T23:00:00Z");
        assertThat(scheduled.path("reason").asString()).isEqualTo("Scheduled at the requested time");
        String firstId = scheduled.path("publish_log_id").asString();

        long second = clip(jdbc, ws.id());
        JsonNode adjusted = schedule(api, request(second, "2030-01-07T20:30:00Z"));
        assertThat(adjusted.path("status").asString()).isEqualTo("scheduled");
        assertThat(adjusted.path("scheduled_for").asString()).isEqualTo("2030-01-07T21:00:00Z");
        assertThat(adjusted.path("reason").asString()).startsWith("Adjusted 30min forward to respect 60min gap");
        String id = adjusted.path("publish_log_id").asString();
        var events = api.get("/ledger?entity_type=publication&entity_id=" + id).json().path("items");
        assertThat(events.valueStream().map(e -> e.path("event_type").asString()))
                .containsExactly("publish_scheduled_adjusted", "publish_scheduled_created");
        JsonNode adjustedEvent = events.get(0).path("payload");
        assertThat(adjustedEvent.path("original_time").asString()).isEqualTo("2030-01-07T20:30:00Z");
        assertThat(adjustedEvent.path("adjusted_time").asString()).isEqualTo("2030-01-07T21:00:00Z");
        assertThat(adjustedEvent.path("clip_id").asString()).isEqualTo(String.valueOf(second));
        JsonNode created = events.get(1).path("payload");
        assertThat(created.path("scheduled_by").asString()).isEqualTo("manual");
        assertThat(created.path("status").asString()).isEqualTo("scheduled");
        assertThat(created.path("scheduled_window_end").asString()).isEqualTo("2030-01-07T23:00:00Z");

        var list = api.get("/publishing/schedule/" + clip).json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).path("id").asString()).isEqualTo(firstId);
        assertThat(list.get(0).path("variant_id").asString()).isEqualTo(String.valueOf(variant));
        assertThat(list.get(0).path("status").asString()).isEqualTo("scheduled");
        assertThat(list.get(0).path("schedule_type").asString()).isEqualTo("scheduled");
        assertThat(list.get(0).path("rules_version").asInt()).isZero();
        assertThat(newWorkspace(Role.ADMIN).api().get("/publishing/schedule/" + clip).status()).isEqualTo(404);
    }

    @Test
    void requestsThatCannotBeHonouredAreRejectedWithTheReason() {
        long clip = clip(jdbc, ws.id());
        assertRejected(request("clip_abc123", "2030-01-07T20:00:00Z"), "Clip not found: clip_abc123");
        var wrongPlatform = request(clip, "2030-01-07T20:00:00Z");
        wrongPlatform.put("platform", "tiktok");
        assertRejected(wrongPlatform, "Platform mismatch");
        var foreignAccount = request(clip, "2030-01-07T20:00:00Z");
        var other = newWorkspace(Role.EDITOR);
        foreignAccount.put("social_account_id", other.api().post("/social-accounts", json(Map.of("platform",
                "instagram", "handle", "x", "timezone", "UTC"))).json().path("id").asString());
        assertRejected(foreignAccount, "Social account not found");
        long otherClip = clip(jdbc, ws.id());
        assertRejected(request(clip, "2030-01-07T20:00:00Z", "variant_id", variant(jdbc, ws.id(), otherClip)),
                "belongs to clip " + otherClip);
        assertRejected(request(clip, "2030-01-07T22:30:00Z", "scheduled_window_end", "2030-01-07T22:00:00Z"),
                "after scheduled_window_end");
        assertThat(schedule(api, request(clip, "2030-01-07T20:00:00Z")).path("status").asString())
                .isEqualTo("scheduled");
        assertRejected(request(clip, "2030-01-08T20:00:00Z"), "already scheduled");

        var malformed = api.post("/publishing/schedule", json(request(clip, "tomorrow-ish")));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("errors").get(0).path("field").asString()).isEqualTo("scheduled_for");
        var noPlatform = request(clip, "auto");
        noPlatform.put("platform", "myspace");
        assertThat(api.post("/publishing/schedule", json(noPlatform)).status()).isEqualTo(400);
        assertThat(keyFor(ws.id(), Role.VIEWER).post("/publishing/schedule", json(request(clip, "auto"))).status())
                .isEqualTo(403);
    }

    @Test
    void autoTakesTheNextFreeSlotAndLocalTimesUseTheAccountsZone() {
        var numericIds = request(0, "2030-01-07T18:20:00Z");
        numericIds.put("clip_id", clip(jdbc, ws.id())); // JSON numbers are taken as well as the seed's strings
        numericIds.put("social_account_id", account);
        assertThat(api.post("/publishing/schedule", json(numericIds)).status()).isEqualTo(201);
        JsonNode auto = schedule(api, request(clip(jdbc, ws.id()), "auto"));
        // now is 08:00; the window opens at 18:00, and 18:20 is taken: 19:20
        assertThat(auto.path("scheduled_for").asString()).isEqualTo("2030-01-07T19:20:00Z");

        long madrid = account("instagram", "Europe/Madrid");
        var local = request(clip(jdbc, ws.id()), "2030-07-01T19:00:00");
        local.put("social_account_id", String.valueOf(madrid));
        assertThat(schedule(api, local).path("scheduled_for").asString()).isEqualTo("2030-07-01T17:00:00Z");
        var past = request(clip(jdbc, ws.id()), "2020-01-01T20:00:00Z");
        past.put("social_account_id", String.valueOf(madrid));
        JsonNode fromNow = schedule(api, past);
        assertThat(fromNow.path("scheduled_for").asString()).isEqualTo("2030-01-07T17:00:00Z"); // 18:00 CET
        assertThat(fromNow.path("warnings").get(0).path("code").asString()).isEqualTo("requested_in_past");
        assertThat(fromNow.path("warnings").get(0).path("message").asString()).contains("in the past");
        // the move from the past is told as it happened: the requested time, then the window
        assertThat(fromNow.path("reason").asString()).startsWith("Requested time 2020-01-01T20:00:00Z is in the past")
                .contains("Before the 18:00–23:00 window");
        var events = api.get("/ledger?entity_type=publication&entity_id=" + fromNow.path("publish_log_id").asString())
                .json().path("items");
        JsonNode adjusted = events.get(0).path("payload");
        assertThat(events.get(0).path("event_type").asString()).isEqualTo("publish_scheduled_adjusted");
        assertThat(adjusted.path("original_time").asString()).isEqualTo("2020-01-01T20:00:00Z");
        assertThat(adjusted.path("adjusted_time").asString()).isEqualTo("2030-01-07T17:00:00Z");
        assertThat(adjusted.path("reason").asString()).isEqualTo(fromNow.path("reason").asString());
    }

    @Test
    void aPastTimeMovedToNowIsAnAdjustmentEvenWhenNowIsInsideTheWindow() {
        clock.set(Instant.parse("2030-01-07T19:00:30Z")); // inside instagram's 18-23 window
        JsonNode moved = schedule(api, request(clip(jdbc, ws.id()), "2030-01-07T18:30:00Z"));
        assertThat(moved.path("scheduled_for").asString()).isEqualTo("2030-01-07T19:01:00Z");
        assertThat(moved.path("reason").asString())
                .isEqualTo("Requested time 2030-01-07T18:30:00Z is in the past: planned from now (2030-01-07T19:01:00Z)");
        var events = api.get("/ledger?entity_type=publication&entity_id=" + moved.path("publish_log_id").asString())
                .json().path("items");
        assertThat(events.valueStream().map(e -> e.path("event_type").asString()))
                .containsExactly("publish_scheduled_adjusted", "publish_scheduled_created");
        assertThat(events.get(0).path("payload").path("original_time").asString()).isEqualTo("2030-01-07T18:30:00Z");
    }

    @Test
    void anImmediateRequestIsQueuedNowOutsideTheWindow() {
        long clip = clip(jdbc, ws.id()); // now is 08:00 UTC, ten hours before instagram's window opens
        var body = new HashMap<>(request(clip, null, "schedule_type", "immediate"));
        body.remove("scheduled_for");
        var response = api.post("/publishing/schedule", json(body));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode now = response.json();
        assertThat(now.path("scheduled_for").asString()).isEqualTo("2030-01-07T08:00:00Z");
        assertThat(now.path("status").asString()).isNotEqualTo("scheduled"); // queued already, no tick to wait for
        assertThat(now.path("reason").asString()).startsWith("Immediate");
        assertThat(now.path("scheduled_window_end").isNull() || now.path("scheduled_window_end").isMissingNode()).isTrue();
        String id = now.path("publish_log_id").asString();
        var events = api.get("/ledger?entity_type=publication&entity_id=" + id).json().path("items");
        assertThat(events.valueStream().map(e -> e.path("event_type").asString()))
                .contains("publish_scheduled_created", "publish_scheduled_enqueued")
                .doesNotContain("publish_scheduled_adjusted");
        assertThat(api.get("/publishing/schedule/" + clip).json().get(0).path("schedule_type").asString())
                .isEqualTo("immediate");

        var both = api.post("/publishing/schedule", json(request(clip(jdbc, ws.id()), "2030-01-07T20:00:00Z",
                "schedule_type", "immediate")));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().path("errors").get(0).path("field").asString()).isEqualTo("scheduled_for");
        var unknown = api.post("/publishing/schedule", json(request(clip(jdbc, ws.id()), "auto",
                "schedule_type", "later")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("field").asString()).isEqualTo("schedule_type");
    }

    @Test
    void theSameIdempotencyKeyAnswersWithTheSamePublicationAndRefusesAnotherClip() {
        assertReplayedAndReuseRefused(io.socialsync.support.IdempotencyKeyChecks.header(api, "/publishing/schedule"),
                json(request(clip(jdbc, ws.id()), "2030-01-07T20:00:00Z")),
                json(request(clip(jdbc, ws.id()), "2030-01-07T20:00:00Z")),
                answer -> answer.path("publish_log_id").asString(),
                () -> jdbc.sql("SELECT COUNT(*) FROM publications WHERE workspace_id = ?").param(ws.id())
                        .query(Long.class).single());
    }

    @Test
    void theTickQueuesDuePostsOnceAndTheDryRunOnlyLooks() {
        String early = id(schedule(api, request(clip(jdbc, ws.id()), "2030-01-07T18:00:00Z")));
        String late = id(schedule(api, request(clip(jdbc, ws.id()), "2030-01-07T19:00:00Z")));
        String tomorrow = id(schedule(api, request(clip(jdbc, ws.id()), "2030-01-08T18:00:00Z")));
        clock.set(Instant.parse("2030-01-07T19:00:00Z"));

        JsonNode dry = api.post("/publishing/scheduler/tick?dry_run=true", null).json();
        assertThat(dry.path("dry_run").asBoolean()).isTrue();
        assertThat(dry.path("moved").asInt()).isEqualTo(2);
        assertThat(dry.path("log_ids").valueStream().map(JsonNode::asString)).containsExactly(early, late);
        assertThat(status(early)).isEqualTo("scheduled");

        JsonNode real = api.post("/publishing/scheduler/tick", null).json();
        assertThat(real.path("dry_run").asBoolean()).isFalse();
        assertThat(real.path("log_ids").valueStream().map(JsonNode::asString)).containsExactly(early, late);
        assertThat(api.post("/publishing/scheduler/tick", null).json().path("moved").asInt()).isZero();
        assertThat(status(tomorrow)).isEqualTo("scheduled");
        JsonNode enqueued = api.get("/ledger?entity_type=publication&entity_id=" + early
                + "&event_type=publish_scheduled_enqueued").json().path("items").get(0).path("payload");
        assertThat(enqueued.path("scheduled_for").asString()).isEqualTo("2030-01-07T18:00:00Z");
        assertThat(enqueued.path("enqueued_at").asString()).isEqualTo("2030-01-07T19:00:00Z");
        long job = api.get("/publishing/" + early).json().path("job_id").asLong();
        assertThat(api.get("/jobs/" + job).json().path("kind").asString()).isEqualTo("PUBLISH");

        // the workers run the PUBLISH job; the clip has no rendered variant, so the post fails with a plain reason
        Eventually.await("the publisher to fail the post", Duration.ofSeconds(20),
                () -> status(early).equals("failed"));
        assertThat(api.get("/publishing/" + early).json().path("last_error").asString())
                .startsWith("clip ").contains("has no rendered instagram variant: render one");
        Eventually.await("the PUBLISH job to fail", Duration.ofSeconds(20),
                () -> api.get("/jobs/" + job).json().path("state").asString().equals("FAILED"));
    }

    @Test
    void cancelAndRescheduleWinAndAnotherWorkspaceCannotTouchThem() {
        String a = id(schedule(api, request(clip(jdbc, ws.id()), "2030-01-07T20:00:00Z")));
        String b = id(schedule(api, request(clip(jdbc, ws.id()), "2030-01-07T21:00:00Z")));
        var other = newWorkspace(Role.ADMIN).api();
        assertThat(other.post("/publishing/" + a + "/cancel", null).status()).isEqualTo(404);
        assertThat(other.get("/publishing/" + a).status()).isEqualTo(404);

        var moved = api.post("/publishing/" + a + "/reschedule", json(Map.of("scheduled_for", "2030-01-07T20:30:00Z")));
        assertThat(moved.status()).isEqualTo(200);
        // 20:30 is 30 min before b (21:00): pushed past b by the gap; a's own old slot does not count
        assertThat(moved.json().path("scheduled_for").asString()).isEqualTo("2030-01-07T22:00:00Z");
        assertThat(api.get("/ledger?entity_type=publication&entity_id=" + a + "&event_type=publish_rescheduled")
                .json().path("items").size()).isEqualTo(1);

        var cancelled = api.post("/publishing/" + b + "/cancel", null);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("cancelled");
        assertThat(api.post("/publishing/" + b + "/cancel", null).status()).isEqualTo(200);
        assertThat(api.post("/publishing/" + b + "/reschedule", json(Map.of("scheduled_for", "auto"))).status())
                .isEqualTo(409);
        // b's slot is free again
        assertThat(schedule(api, request(clip(jdbc, ws.id()), "2030-01-07T21:00:00Z")).path("scheduled_for")
                .asString()).isEqualTo("2030-01-07T21:00:00Z");
    }

    @Test
    void deletingTheAccountCancelsItsScheduledPosts() {
        String a = id(schedule(api, request(clip(jdbc, ws.id()), "2030-01-07T20:00:00Z")));
        assertThat(api.delete("/social-accounts/" + account).status()).isEqualTo(204);
        assertThat(status(a)).isEqualTo("cancelled");
        assertThat(schedule(api, request(clip(jdbc, ws.id()), "auto")).path("reason").asString())
                .startsWith("Social account not found");
    }

    private long account(String platform, String zone) {
        var created = api.post("/social-accounts", json(Map.of("platform", platform, "handle", "h", "timezone", zone,
                "access_token", "t")));
        assertThat(created.status()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    private Map<String, Object> request(Object clip, String when, Object... more) {
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

    private void assertRejected(Map<String, Object> body, String reason) {
        var response = api.post("/publishing/schedule", json(body));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("status").asString()).isEqualTo("rejected");
        assertThat(response.json().path("publish_log_id").asString()).isEmpty();
        assertThat(response.json().path("reason").asString()).contains(reason);
    }

    private String status(String id) {
        return api.get("/publishing/" + id).json().path("status").asString();
    }

    private static String id(JsonNode scheduled) {
        assertThat(scheduled.path("status").asString()).as(scheduled.toString()).isEqualTo("scheduled");
        return scheduled.path("publish_log_id").asString();
    }
}
