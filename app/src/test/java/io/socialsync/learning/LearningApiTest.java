package io.socialsync.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.accounts.AccountChanges;
import io.socialsync.accounts.SocialAccountService;
import io.socialsync.insights.Checkpoint;
import io.socialsync.insights.MetricsRecorder;
import io.socialsync.ledger.Actor;
import io.socialsync.platforms.Platform;
import io.socialsync.support.Api;
import io.socialsync.support.ClockedServerTest;
import io.socialsync.support.Eventually;
import io.socialsync.web.Role;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The learning API end to end: posts are scored by the LEARN_OUTCOME jobs the metrics queue, GET /rules shows what
 * was learned beside the active rules, a proposal is accepted, "auto" then draws the learned hour (seeded draws),
 * recommended clips carry their reason, and an experiment schedules its arms and reports P(best).
 */
@TestPropertySource(properties = "socialsync.learning.seed=42")
class LearningApiTest extends ClockedServerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    @Autowired SocialAccountService accountService;
    @Autowired MetricsRecorder recorder;
    @Autowired Experiments experiments;

    private long account(long ws) {
        return accountService.create(ws, Platform.INSTAGRAM, new AccountChanges("h", Map.of(), MADRID, "token", null,
                null, null), Actor.SYSTEM).id();
    }

    /**
     * Twenty posts, four at each hour of Instagram's 18–23 window (Madrid): those at 21:00 do four times better.
     * Clips alternate between two kinds; {@code clipMatters}: the first kind (score 90, 20 s, strong hook) also
     * does four times better than the second (score 20, 70 s, slow start), all at 21:00.
     */
    private void history(long ws, long account, boolean clipMatters) {
        for (int i = 0; i < 20; i++) {
            int hour = clipMatters ? 21 : 18 + i % 5;
            boolean good = i % 2 == 0;
            Instant at = ZonedDateTime.of(2029, 12, 1 + i, hour, 0, 0, 0, MADRID).toInstant();
            long clip = good ? LearningFixtures.clip(jdbc, ws, 90, 20_000, 80)
                    : LearningFixtures.clip(jdbc, ws, 20, 70_000, 10);
            long p = LearningFixtures.posted(jdbc, ws, clip, null, account, at);
            boolean better = clipMatters ? good : hour == 21;
            LearningFixtures.metrics(recorder, ws, p, Checkpoint.H24, at.plus(Duration.ofHours(24)),
                    better ? 400 + i : 100 + i);
        }
        Eventually.await("twenty posts scored", Duration.ofSeconds(30), () -> jdbc.sql("SELECT COUNT(*) FROM "
                + "publication_outcomes WHERE workspace_id = ?").param(ws).query(Long.class).single() == 20);
    }

    private static String json(Object o) {
        return JSON.writeValueAsString(o);
    }

    @Test
    void learnedRulesAreShownProposedAcceptedAndUsedByAuto() {
        var w = newWorkspace(Role.ADMIN);
        long account = account(w.id());
        history(w.id(), account, false);

        JsonNode rules = w.api().get("/rules").json();
        assertThat(rules.path("version").asInt()).isZero();
        JsonNode learned = rules.path("learned").path("accounts").get(0);
        assertThat(learned.path("posts").asInt()).isEqualTo(20);
        JsonNode bestHour = learned.path("dimensions").path("hour").get(0);
        assertThat(bestHour.path("option").asString()).isEqualTo("21");
        assertThat(bestHour.path("posts").asInt()).isEqualTo(4);
        assertThat(bestHour.path("lower").asDouble()).isLessThan(bestHour.path("mean").asDouble());
        // not 0.9 or more: the hour is a curve over the day, so 20:00 and 22:00 share a little of 21:00's posts
        assertThat(bestHour.path("probability_best").asDouble()).isGreaterThan(0.8);
        assertThat(rules.path("learned").path("settings").path("auto_apply").asBoolean()).isFalse();

        // before a decision, auto is "as soon as possible": 08:00 UTC is before the 18–23 window, so 18:00 Madrid
        long clip = LearningFixtures.clip(jdbc, w.id(), 60, 10_000, 20);
        var before = schedule(w.api(), clip, account, "before");
        assertThat(ZonedDateTime.parse(before.path("scheduled_for").asString()).withZoneSameInstant(MADRID).getHour())
                .isEqualTo(18);

        var viewer = keyFor(w.id(), Role.VIEWER);
        assertThat(viewer.post("/rules/learned/proposals", "").status()).isEqualTo(403);
        JsonNode proposals = w.api().post("/rules/learned/proposals", "").json();
        JsonNode hourRule = null;
        for (JsonNode r : proposals) {
            if (r.path("dimension").asString().equals("hour")) {
                hourRule = r;
            }
        }
        assertThat(hourRule).isNotNull();
        assertThat(hourRule.path("state").asString()).isEqualTo("proposed");
        var accepted = w.api().post("/rules/learned/" + hourRule.path("id").asLong() + "/accept", "");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().path("state").asString()).isEqualTo("active");
        assertThat(w.api().post("/rules/learned/" + hourRule.path("id").asLong() + "/reject", "").status())
                .isEqualTo(409);
        assertThat(w.api().post("/rules/learned/999999/accept", "").status()).isEqualTo(404);

        // with the hour rule active, auto draws the hour: 21:00 most of the time, other window hours now and then
        int at21 = 0;
        for (int i = 0; i < 6; i++) {
            long c = LearningFixtures.clip(jdbc, w.id(), 60, 10_000, 20);
            var s = schedule(w.api(), c, account, "auto-" + i);
            assertThat(s.path("reason").asString()).startsWith("Learned hour");
            // the slot itself may be later than the drawn hour: posts of one day keep the platform's gap
            int hour = ZonedDateTime.parse(s.path("scheduled_for").asString()).withZoneSameInstant(MADRID).getHour();
            assertThat(hour).isBetween(18, 22);
            at21 += s.path("reason").asString().startsWith("Learned hour 21:00") ? 1 : 0;
        }
        assertThat(at21).isGreaterThanOrEqualTo(4);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_events WHERE workspace_id = ? AND event_type = "
                + "'learned_rule_accepted'").param(w.id()).query(Long.class).single()).isEqualTo(1);
    }

    private JsonNode schedule(Api api, long clip, long account, String key) {
        var r = api.post("/publishing/schedule", json(Map.of("clip_id", String.valueOf(clip), "platform", "instagram",
                "social_account_id", String.valueOf(account), "scheduled_for", "auto", "idempotency_key", key)));
        assertThat(r.status()).as(r.body()).isBetween(200, 201);
        return r.json();
    }

    @Test
    void settingsAreValidatedAndOnlyAdminsChangeThem() {
        var w = newWorkspace(Role.ADMIN);
        assertThat(put(w.api(), "/rules/learned/settings", "{\"min_posts\": 2}").status()).isEqualTo(400);
        assertThat(put(w.api(), "/rules/learned/settings", "{\"exploration\": 0.9}").status()).isEqualTo(400);
        assertThat(w.api().get("/rules/learned/settings").json().path("min_posts").asInt()).isEqualTo(30);
        assertThat(put(keyFor(w.id(), Role.EDITOR), "/rules/learned/settings", "{\"auto_apply\": true}").status())
                .isEqualTo(403);
        var saved = put(w.api(), "/rules/learned/settings", "{\"auto_apply\": true, \"min_posts\": 40}");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(w.api().get("/rules/learned/settings").json().path("auto_apply").asBoolean()).isTrue();
    }

    private static Api.Response put(Api api, String path, String body) {
        return api.send(api.request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void recommendedClipsAreTheUnpublishedOnesRankedByWhatTheAccountLearned() {
        var w = newWorkspace(Role.ADMIN);
        long account = account(w.id());
        history(w.id(), account, true);
        long like = LearningFixtures.clip(jdbc, w.id(), 90, 20_000, 80);
        long unlike = LearningFixtures.clip(jdbc, w.id(), 20, 70_000, 10);
        var r = w.api().get("/clips/recommended?social_account_id=" + account + "&limit=5");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<Long> ids = r.json().valueStream().map(n -> n.path("clip_id").asLong()).toList();
        assertThat(ids).containsExactly(like, unlike);
        assertThat(r.json().get(0).path("reason").asString()).contains("score band 80-100").contains("post(s)");
        assertThat(w.api().get("/clips/recommended?social_account_id=" + account + "&limit=0").status())
                .isEqualTo(400);
        assertThat(w.api().get("/clips/recommended?social_account_id=999999").status()).isEqualTo(404);
    }

    @Test
    void anExperimentSchedulesItsArmsAtComparableSlotsAndReportsTheProbabilityOfEach() {
        var w = newWorkspace(Role.ADMIN);
        long a = account(w.id());
        long b = account(w.id());
        long clip = LearningFixtures.clip(jdbc, w.id(), 70, 20_000, 50);
        long v1 = LearningFixtures.variant(jdbc, w.id(), clip, "{\"zoom\":1.1}");
        long v2 = LearningFixtures.variant(jdbc, w.id(), clip, "{\"mirror\":true}");
        var bad = w.api().post("/experiments", json(Map.of("clip_id", clip, "kind", "preset",
                "arms", List.of(Map.of("label", "zoom", "variant_id", v1), Map.of("label", "mirror")),
                "social_account_ids", List.of(a))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("arms").contains("variant_id");
        var otherClip = w.api().post("/experiments", json(Map.of("clip_id", 999_999_999L, "kind", "preset",
                "arms", List.of(Map.of("variant_id", v1), Map.of("variant_id", v2)), "social_account_ids",
                List.of(a))));
        assertThat(otherClip.status()).isEqualTo(400);
        assertThat(otherClip.body()).contains("clip_id");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM experiments WHERE workspace_id = ?").param(w.id())
                .query(Long.class).single()).isZero();

        var created = w.api().post("/experiments", json(Map.of("name", "zoom or mirror", "clip_id", clip,
                "kind", "preset", "arms", List.of(Map.of("label", "zoom", "variant_id", v1),
                        Map.of("label", "mirror", "variant_id", v2)), "social_account_ids", List.of(a, b),
                "hour", 20)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode report = created.json();
        long id = report.path("experiment").path("id").asLong();
        assertThat(report.path("posts")).hasSize(4);
        var slots = jdbc.sql("SELECT scheduled_for FROM publications p JOIN experiment_posts e ON e.publication_id = "
                + "p.id WHERE e.experiment_id = ?").param(id).query((rs, n) -> rs.getObject(1,
                java.time.OffsetDateTime.class).atZoneSameInstant(MADRID).getHour()).list();
        assertThat(slots).containsOnly(20);
        assertThat(report.path("arms")).hasSize(2);
        assertThat(report.path("arms").get(0).path("probability_best").asDouble()).isBetween(0.3, 0.7);

        // the first account's posts: zoom does far better; the second's too
        var posts = jdbc.sql("SELECT e.publication_id, a.label FROM experiment_posts e JOIN experiment_arms a ON "
                + "a.id = e.arm_id WHERE e.experiment_id = ?").param(id)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
        int i = 0;
        for (var p : posts) {
            Instant at = ClockedServerTest.START.plus(Duration.ofDays(++i));
            jdbc.sql("UPDATE publications SET state = 'POSTED', posted_at = ? WHERE id = ?")
                    .params(at.atOffset(java.time.ZoneOffset.UTC), p.getKey()).update();
            LearningFixtures.metrics(recorder, w.id(), p.getKey(), Checkpoint.H24, at.plus(Duration.ofHours(24)),
                    p.getValue().equals("zoom") ? 2000 : 20);
        }
        Eventually.await("four posts scored", Duration.ofSeconds(30), () -> jdbc.sql("SELECT COUNT(*) FROM "
                + "publication_outcomes WHERE workspace_id = ?").param(w.id()).query(Long.class).single() == 4);
        var after = w.api().get("/experiments/" + id).json();
        assertThat(after.path("arms").get(0).path("label").asString()).isEqualTo("zoom");
        assertThat(after.path("arms").get(0).path("probability_best").asDouble()).isGreaterThan(0.9);
        // the same posts always give the same report (seeded Monte Carlo)
        assertThat(w.api().get("/experiments/" + id).json()).isEqualTo(after);
        assertThat(w.api().post("/experiments/" + id + "/stop", "").json().path("experiment").path("state")
                .asString()).isEqualTo("stopped");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_events WHERE workspace_id = ? AND event_type = "
                + "'experiment_stopped'").param(w.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(w.api().post("/experiments/" + id + "/stop", "").status()).isEqualTo(409);
        assertThat(newWorkspace(Role.ADMIN).api().get("/experiments/" + id).status()).isEqualTo(404);
    }

    @Test
    void anActivePresetRuleTurnsRandomPresetsIntoLearnedDraws() {
        var w = newWorkspace(Role.ADMIN);
        long account = account(w.id());
        for (int i = 0; i < 12; i++) {
            Instant at = ZonedDateTime.of(2029, 12, 1 + i, 21, 0, 0, 0, MADRID).toInstant();
            long clip = LearningFixtures.clip(jdbc, w.id(), 70, 20_000, 50);
            boolean mirror = i % 2 == 0;
            long variant = LearningFixtures.variant(jdbc, w.id(), clip, mirror ? "{\"mirror\":true}" : "{}");
            long p = LearningFixtures.posted(jdbc, w.id(), clip, variant, account, at);
            LearningFixtures.metrics(recorder, w.id(), p, Checkpoint.H24, at.plus(Duration.ofHours(24)),
                    mirror ? 500 + i : 100 + i);
        }
        Eventually.await("twelve posts scored", Duration.ofSeconds(30), () -> jdbc.sql("SELECT COUNT(*) FROM "
                + "publication_outcomes WHERE workspace_id = ?").param(w.id()).query(Long.class).single() == 12);
        long clip = LearningFixtures.clip(jdbc, w.id(), 70, 20_000, 50);
        String request = json(Map.of("platforms", List.of("instagram_reel"), "presets", List.of("random")));

        // no active preset rule: random stays the uniform draw, and the ledger says nothing learned
        var plain = w.api().post("/clips/" + clip + "/variants", request);
        assertThat(plain.status()).as(plain.body()).isEqualTo(202);
        assertThat(plain.json().path("variants").get(0).path("preset").asString()).isEqualTo("random");

        JsonNode preset = null;
        for (JsonNode r : w.api().post("/rules/learned/proposals", "").json()) {
            if (r.path("dimension").asString().equals("preset")) {
                preset = r;
            }
        }
        assertThat(preset).isNotNull();
        assertThat(preset.path("option").asString()).isEqualTo("mirror");
        w.api().post("/rules/learned/" + preset.path("id").asLong() + "/accept", "");

        var drawn = new java.util.ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            var learned = w.api().post("/clips/" + clip + "/variants", request);
            assertThat(learned.status()).isEqualTo(202);
            drawn.add(learned.json().path("variants").get(0).path("preset").asString());
        }
        assertThat(drawn).allMatch(p -> ClipFeatures.PRESETS.contains(p) && !p.equals("none"));
        assertThat(drawn).contains("mirror");
        assertThat(jdbc.sql("SELECT payload FROM ledger_events WHERE workspace_id = ? AND event_type = "
                + "'variants_requested' ORDER BY id DESC LIMIT 1").param(w.id()).query(String.class).single())
                .contains("random → ");
    }

    @Test
    void anExperimentWithAClearWinnerStopsAndCancelsItsPostsNotYetOut() {
        var w = newWorkspace(Role.ADMIN);
        var ids = new java.util.ArrayList<Long>();
        for (int i = 0; i < 5; i++) {
            long account = account(w.id());
            ids.add(account);
            // an earlier post gives each account its baseline: a first post can only score 0
            Instant earlier = ClockedServerTest.START.minus(Duration.ofDays(3));
            long p = LearningFixtures.posted(jdbc, w.id(), LearningFixtures.clip(jdbc, w.id(), 50, 20_000, 50), null,
                    account, earlier);
            LearningFixtures.metrics(recorder, w.id(), p, Checkpoint.H24, earlier.plus(Duration.ofHours(24)), 300);
        }
        long clip = LearningFixtures.clip(jdbc, w.id(), 70, 20_000, 50);
        var created = w.api().post("/experiments", json(Map.of("clip_id", clip, "kind", "caption",
                "arms", List.of(Map.of("label", "short", "caption", "Wait for it"),
                        Map.of("label", "long", "caption", "A long caption that tells the whole story")),
                "social_account_ids", ids, "threshold", 0.9)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("experiment").path("id").asLong();
        var posts = jdbc.sql("SELECT e.publication_id, a.label FROM experiment_posts e JOIN experiment_arms a ON "
                        + "a.id = e.arm_id WHERE e.experiment_id = ? ORDER BY e.publication_id").param(id)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
        assertThat(posts).hasSize(5).extracting(Map.Entry::getValue).containsOnly("short", "long");
        // four of five go out: short does far better; the fifth is still scheduled
        for (var p : posts.subList(0, 4)) {
            Instant at = ClockedServerTest.START.plus(Duration.ofDays(1));
            jdbc.sql("UPDATE publications SET state = 'POSTED', posted_at = ? WHERE id = ?")
                    .params(at.atOffset(java.time.ZoneOffset.UTC), p.getKey()).update();
            LearningFixtures.metrics(recorder, w.id(), p.getKey(), Checkpoint.H24, at.plus(Duration.ofHours(24)),
                    p.getValue().equals("short") ? 3000 : 30);
        }
        Eventually.await("nine posts scored", Duration.ofSeconds(30), () -> jdbc.sql("SELECT COUNT(*) FROM "
                + "publication_outcomes WHERE workspace_id = ?").param(w.id()).query(Long.class).single() == 9);
        assertThat(experiments.stopDecided(w.id(), Actor.SYSTEM)).isEqualTo(1);
        JsonNode after = w.api().get("/experiments/" + id).json();
        assertThat(after.path("experiment").path("state").asString()).isEqualTo("stopped");
        assertThat(after.path("experiment").path("stop_reason").asString()).startsWith("short is better");
        assertThat(jdbc.sql("SELECT state FROM publications WHERE id = ?").param(posts.get(4).getKey())
                .query(String.class).single()).isEqualTo("CANCELLED");
        assertThat(experiments.stopDecided(w.id(), Actor.SYSTEM)).isZero();
    }
}
