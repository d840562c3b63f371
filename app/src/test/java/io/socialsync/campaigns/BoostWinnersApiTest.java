package io.socialsync.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.socialsync.accounts.AccountChanges;
import io.socialsync.accounts.SocialAccountService;
import io.socialsync.apikey.ApiKeyService;
import io.socialsync.insights.Checkpoint;
import io.socialsync.insights.MetricsRecorder;
import io.socialsync.learning.LearningFixtures;
import io.socialsync.ledger.Actor;
import io.socialsync.platforms.Platform;
import io.socialsync.support.Api;
import io.socialsync.support.Eventually;
import io.socialsync.support.TestDatabases;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspaces;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Boost the winners" end to end against {@link FakeMarketingApi}: posts scored at 24 h by the LEARN_OUTCOME jobs
 * their metrics queue, the rule's BOOST_WINNER decisions on this context's workers, the boosts built on the fake,
 * every decision in the ledger with its evidence.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "socialsync.jobs.poll-interval=50ms", "socialsync.jobs.backoff-base=50ms", "socialsync.jobs.backoff-max=200ms",
        "socialsync.roles.scheduler=false", "socialsync.rate-limit.requests-per-minute=100000"})
class BoostWinnersApiTest {
    static final Path DATA = TestDatabases.tempDir("boost-winners");
    static final FakeMarketingApi META = new FakeMarketingApi();
    static final WireMockServer ADS = META.serve();
    static final AtomicLong MEDIA = new AtomicLong(178_900);
    static final JsonMapper JSON = JsonMapper.builder().build();
    @Autowired Workspaces workspaces;
    @Autowired ApiKeyService keys;
    @Autowired SocialAccountService accountService;
    @Autowired MetricsRecorder recorder;
    @Autowired BoostWinners winners;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;
    Api api;
    long ws;
    long account;
    FakeMarketingApi.Account meta;
    Instant day = Instant.now().minus(Duration.ofDays(60)).truncatedTo(ChronoUnit.HOURS);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        FakeMarketingApi.register(registry, DATA, ADS);
    }

    @BeforeEach
    void workspaceWithAdAccountAndHistory() {
        meta = META.open("EUR");
        ws = workspaces.create("ws-" + UUID.randomUUID()).id();
        api = new Api("http://localhost:" + port, keys.create(ws, "test", Role.EDITOR, Actor.SYSTEM).plainKey());
        var connected = put("/ad-account", "{\"account_id\":\"act_" + meta.id + "\",\"access_token\":\""
                + FakeMarketingApi.TOKEN + "\",\"page_id\":\"555\",\"instagram_user_id\":\"777\","
                + "\"spend_cap_minor\":100000,\"campaign_cap_minor\":50000}");
        assertThat(connected.status()).as(connected.body()).isEqualTo(200);
        account = accountService.create(ws, Platform.INSTAGRAM, new AccountChanges("h", Map.of(),
                ZoneId.of("Europe/Madrid"), "token", null, null, null), Actor.SYSTEM).id();
        // ten ordinary posts scored while the rule is off: nothing is decided for them
        for (int i = 0; i < 10; i++) {
            scored(100 + i);
        }
        assertThat(count("SELECT COUNT(*) FROM jobs WHERE workspace_id = ? AND kind = 'BOOST_WINNER'")).isZero();
    }

    @Test
    void aPostInItsAccountsTopShareIsBoostedOnceWithItsEvidenceAndOthersAreSkippedWithWhy() {
        assertThat(api.get("/campaigns/boost-rule").json().path("enabled").asBoolean()).isFalse();
        enable(1000, 2);

        long winner = scored(1000);
        long campaignId = awaitDecision(winner, "winner_boosted").path("campaign_id").asLong();
        var evidence = event(winner, "winner_boosted");
        assertThat(evidence.path("decision").asString()).isEqualTo("boosted");
        assertThat(evidence.path("account_percentile").asDouble()).isEqualTo(1.0);
        assertThat(evidence.path("threshold").asDouble()).isEqualTo(0.9);
        assertThat(evidence.path("compared_posts").asInt()).isEqualTo(10);
        assertThat(evidence.path("score").asDouble()).isGreaterThan(2);
        var campaign = api.get("/campaigns/" + campaignId).json();
        assertThat(campaign.path("publication_id").asLong()).isEqualTo(winner);
        assertThat(campaign.path("budget").path("committed_minor").asLong()).isEqualTo(2000);
        Eventually.await("the boost built on Meta", Duration.ofSeconds(30), () -> meta.of("ad").size() == 1);
        assertThat(meta.of("adset").getFirst().fields.get("targeting")).contains("\"countries\":[\"FR\"]");

        long ordinary = scored(104.5);
        var skipped = awaitDecision(ordinary, "winner_boost_skipped");
        assertThat(skipped.path("reason").asString())
                .matches("percentile 0\\.\\d\\d is below the rule's 0\\.90 \\(top 10%\\)");
        assertThat(skipped.path("score").isNumber()).isTrue();

        // a replay (a job run again, or queued by hand) decides nothing new and never boosts twice
        assertThat(winners.decide(ws, winner).orElseThrow().decision()).isEqualTo("boosted");
        assertThat(winners.decide(ws, ordinary).orElseThrow().decision()).isEqualTo("skipped");
        assertThat(count("SELECT COUNT(*) FROM campaigns WHERE workspace_id = ?")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM ledger_events WHERE workspace_id = ? AND event_type LIKE 'winner_%'"))
                .isEqualTo(2);
        assertThat(meta.of("campaign")).hasSize(1);
    }

    @Test
    void aBoostOverTheSpendCapIsRefusedRecordedOnceAndNotRetried() {
        enable(25000, 2);
        // two campaigns by hand commit the whole spend cap of 100000
        for (int i = 0; i < 2; i++) {
            assertThat(api.post("/campaigns", "{\"post\":{\"platform\":\"instagram\",\"id\":\"1789" + i + "\"},"
                    + "\"budget\":{\"amount_minor\":25000},\"ends_at\":\""
                    + Instant.now().plus(Duration.ofDays(2)).minusSeconds(60).truncatedTo(ChronoUnit.SECONDS)
                    + "\",\"targeting\":{\"countries\":[\"FR\"]}}").status()).isEqualTo(201);
        }
        long winner = scored(1000);
        var refused = awaitDecision(winner, "winner_boost_refused");
        assertThat(refused.path("reason").asString()).startsWith("Spend cap exceeded");
        assertThat(refused.path("account_percentile").asDouble()).isEqualTo(1.0);
        var job = jdbc.sql("SELECT state, attempt FROM jobs WHERE workspace_id = ? AND kind = 'BOOST_WINNER'")
                .param(ws).query((rs, n) -> rs.getString(1) + "/" + rs.getInt(2)).single();
        assertThat(job).isEqualTo("COMPLETED/1");
        assertThat(count("SELECT COUNT(*) FROM campaigns WHERE workspace_id = ?")).isEqualTo(2);
        assertThat(winners.decide(ws, winner).orElseThrow().decision()).isEqualTo("refused");
        assertThat(count("SELECT COUNT(*) FROM ledger_events WHERE workspace_id = ? AND event_type LIKE 'winner_%'"))
                .isEqualTo(1);
    }

    @Test
    void tooFewPostsToRankAgainstIsASkipNotABoost() {
        put("/campaigns/boost-rule", "{\"enabled\":true,\"top_percent\":10,\"daily_budget_minor\":1000,"
                + "\"days\":2,\"countries\":[\"FR\"],\"min_posts\":20}");
        long winner = scored(1000);
        assertThat(awaitDecision(winner, "winner_boost_skipped").path("reason").asString())
                .isEqualTo("ranked against 10 scored posts of its account; the rule needs 20");
        assertThat(count("SELECT COUNT(*) FROM campaigns WHERE workspace_id = ?")).isZero();
    }

    @Test
    void aBadRuleIsAProblemNamingEveryFieldAndViewersCannotChangeIt() {
        var bad = put("/campaigns/boost-rule", "{\"enabled\":true,\"top_percent\":80,\"daily_budget_minor\":30000,"
                + "\"days\":2,\"countries\":[\"XX\"],\"min_posts\":1}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.body()).contains("top_percent").contains("countries").contains("min_posts")
                .contains("daily_budget_minor").contains("per-campaign cap");
        assertThat(api.get("/campaigns/boost-rule").json().path("enabled").asBoolean()).isFalse();
        var viewer = api.withKey(keys.create(ws, "viewer", Role.VIEWER, Actor.SYSTEM).plainKey());
        assertThat(put(viewer, "/campaigns/boost-rule", "{\"enabled\":false}").status()).isEqualTo(403);
        assertThat(viewer.get("/campaigns/boost-rule").status()).isEqualTo(200);
    }

    /**
     * Spent money never comes back to the workspace's spend cap: a rule whose every boost would go over the cap
     * less what campaigns spent is refused; room held by a running campaign comes back, so it does not count.
     */
    @Test
    void aRuleThatCouldNeverFitUnderTheSpendCapIsRefusedAndOneThatFitsOnceRoomComesBackIsKept() {
        campaign("stopped", 40000, 30000);
        campaign("stopped", 40000, 30000);
        campaign("creating", 40000, 0);
        // 25000 for 2 days = 50000: within the per-campaign cap of 50000, over 100000 less the 60000 spent
        var never = put("/campaigns/boost-rule", "{\"enabled\":true,\"daily_budget_minor\":25000,\"days\":2,"
                + "\"countries\":[\"FR\"]}");
        assertThat(never.status()).isEqualTo(400);
        assertThat(never.header("Content-Type")).startsWith("application/problem+json");
        assertThat(never.body()).contains("daily_budget_minor").contains("spend cap of 100000 less the 60000")
                .contains("every boost would be refused").doesNotContain("per-campaign");
        assertThat(api.get("/campaigns/boost-rule").json().path("enabled").asBoolean()).isFalse();
        assertThat(count("SELECT COUNT(*) FROM ledger_events WHERE workspace_id = ? "
                + "AND event_type = 'boost_rule_changed'")).isZero();
        // 40000 fits what is left for ever, though the running campaign holds it now: kept
        var fits = put("/campaigns/boost-rule", "{\"enabled\":true,\"daily_budget_minor\":20000,\"days\":2,"
                + "\"countries\":[\"FR\"]}");
        assertThat(fits.status()).as(fits.body()).isEqualTo(200);
        // and the per-campaign cap is still checked first
        var overCampaignCap = put("/campaigns/boost-rule", "{\"daily_budget_minor\":25001}");
        assertThat(overCampaignCap.status()).isEqualTo(400);
        assertThat(overCampaignCap.body()).contains("per-campaign cap of 50000");
    }

    /** A campaign row as a sync would have left it, with what Meta said it spent; no job is queued for it. */
    private void campaign(String state, long committedMinor, long spentMinor) {
        var now = io.socialsync.db.Timestamps.utc(Instant.now().truncatedTo(ChronoUnit.MICROS));
        var end = io.socialsync.db.Timestamps.utc(Instant.now().plus(Duration.ofDays(2)));
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO campaigns (workspace_id, ad_account_id, tag, name, post_platform, post_id, objective, "
                        + "optimization_goal, billing_event, budget_kind, budget_minor, currency, committed_minor, "
                        + "starts_at, ends_at, targeting, special_ad_categories, state, desired, settles_at, created_at, "
                        + "updated_at) SELECT ?, id, ?, 'old boost', 'instagram', '178900', 'OUTCOME_ENGAGEMENT', "
                        + "'POST_ENGAGEMENT', 'IMPRESSIONS', 'lifetime', ?, 'EUR', ?, ?, ?, "
                        + "'{\"countries\":[\"FR\"],\"ageMin\":18,\"ageMax\":65,\"interests\":[]}', '[]', ?, ?, ?, ?, ? "
                        + "FROM ad_accounts WHERE workspace_id = ?")
                .params(ws, "t" + UUID.randomUUID().toString().substring(0, 8), committedMinor, committedMinor, now,
                        end, state, state.equals("creating") ? "active" : state, end, now, now, ws)
                .update(keys, "id");
        if (spentMinor > 0) {
            jdbc.sql("INSERT INTO campaign_metrics (workspace_id, campaign_id, collected_at, spend_minor, impressions, "
                    + "reach, video_plays, thruplays, results) VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0)")
                    .params(ws, keys.getKey().longValue(), now, spentMinor).update();
        }
    }

    private void enable(long dailyMinor, int days) {
        var rule = put("/campaigns/boost-rule", "{\"enabled\":true,\"top_percent\":10,\"daily_budget_minor\":"
                + dailyMinor + ",\"days\":" + days + ",\"countries\":[\"fr\"],\"min_posts\":10}");
        assertThat(rule.status()).as(rule.body()).isEqualTo(200);
        assertThat(rule.json().path("threshold").asDouble()).isEqualTo(0.9);
        assertThat(rule.json().path("countries").path(0).asString()).isEqualTo("FR");
        assertThat(count("SELECT COUNT(*) FROM ledger_events WHERE workspace_id = ? "
                + "AND event_type = 'boost_rule_changed'")).isEqualTo(1);
    }

    /** A posted Instagram publication with its 24 h metrics, scored by learning; returns once it is. */
    private long scored(double likes) {
        day = day.plus(Duration.ofDays(1));
        long clip = LearningFixtures.clip(jdbc, ws, 60, 20_000, 50);
        long p = LearningFixtures.posted(jdbc, ws, clip, null, account, day);
        jdbc.sql("UPDATE publications SET external_id = ? WHERE id = ?")
                .params(String.valueOf(MEDIA.incrementAndGet()), p).update();
        LearningFixtures.metrics(recorder, ws, p, Checkpoint.H24, day.plus(Duration.ofHours(24)), likes);
        Eventually.await("publication " + p + " scored", Duration.ofSeconds(30), () -> jdbc.sql("SELECT COUNT(*) "
                + "FROM publication_outcomes WHERE publication_id = ?").param(p).query(Long.class).single() == 1);
        return p;
    }

    private JsonNode awaitDecision(long publication, String type) {
        Eventually.await(type + " on " + publication, Duration.ofSeconds(30), () -> jdbc.sql("SELECT COUNT(*) FROM "
                + "ledger_events WHERE entity_type = 'publication' AND entity_id = ? AND event_type = ?")
                .params(String.valueOf(publication), type).query(Long.class).single() == 1);
        Eventually.await("BOOST_WINNER done", Duration.ofSeconds(10), () -> jdbc.sql("SELECT COUNT(*) FROM jobs "
                + "WHERE workspace_id = ? AND kind = 'BOOST_WINNER' AND state <> 'COMPLETED'").param(ws)
                .query(Long.class).single() == 0);
        return event(publication, type);
    }

    private JsonNode event(long publication, String type) {
        return JSON.readTree(jdbc.sql("SELECT payload FROM ledger_events WHERE entity_type = 'publication' "
                + "AND entity_id = ? AND event_type = ?").params(String.valueOf(publication), type)
                .query(String.class).single());
    }

    private long count(String sql) {
        return jdbc.sql(sql).param(ws).query(Long.class).single();
    }

    private Api.Response put(String path, String json) {
        return put(api, path, json);
    }

    private static Api.Response put(Api client, String path, String json) {
        return client.send(client.request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }
}
