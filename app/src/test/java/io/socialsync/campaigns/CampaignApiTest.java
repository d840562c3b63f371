package io.socialsync.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.socialsync.apikey.ApiKeyService;
import io.socialsync.ledger.Actor;
import io.socialsync.support.Api;
import io.socialsync.support.Eventually;
import io.socialsync.support.TestDatabases;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspaces;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Campaigns end to end against {@link FakeMarketingApi}: the API, the CAMPAIGN_SYNC jobs on this context's
 * workers, the ledger. The sweep is off (no scheduler role): every sync here was queued by a request or a run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "socialsync.jobs.poll-interval=50ms", "socialsync.jobs.backoff-base=50ms", "socialsync.jobs.backoff-max=200ms",
        "socialsync.roles.scheduler=false", "socialsync.rate-limit.requests-per-minute=100000"})
class CampaignApiTest {
    static final Path DATA = TestDatabases.tempDir("campaign-api");
    static final FakeMarketingApi META = new FakeMarketingApi();
    static final WireMockServer ADS = META.serve();
    @Autowired Workspaces workspaces;
    @Autowired ApiKeyService keys;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;
    Api api;
    long ws;
    FakeMarketingApi.Account meta;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        FakeMarketingApi.register(registry, DATA, ADS);
    }

    @BeforeEach
    void workspaceWithAdAccount() {
        meta = META.open("EUR");
        ws = workspaces.create("ws-" + UUID.randomUUID()).id();
        api = new Api("http://localhost:" + port, keys.create(ws, "test", Role.EDITOR, Actor.SYSTEM).plainKey());
        var connected = put("/ad-account", "{\"account_id\":\"act_" + meta.id + "\","
                + "\"access_token\":\"" + FakeMarketingApi.TOKEN + "\",\"page_id\":\"555\",\"instagram_user_id\":"
                + "\"777\",\"spend_cap_minor\":100000,\"campaign_cap_minor\":50000}");
        assertThat(connected.status()).as(connected.body()).isEqualTo(200);
        assertThat(connected.json().path("currency").asString()).isEqualTo("EUR");
        assertThat(connected.body()).doesNotContain(FakeMarketingApi.TOKEN);
    }

    @Test
    void aBoostIsBuiltPausedThenActivatedPausedOnRequestAndSynced() {
        var created = api.post("/campaigns", body(1000, 3));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("state").asString()).isEqualTo("creating");
        assertThat(created.json().path("budget").path("committed_minor").asLong()).isEqualTo(3000);
        long id = created.json().path("id").asLong();

        awaitState(id, "active");
        // the state is settled on activation; the insights read that follows in the same job brings the status
        Eventually.await("campaign " + id + " synced", Duration.ofSeconds(30),
                () -> !api.get("/campaigns/" + id).json().path("effective_status").asString().isEmpty());
        var active = api.get("/campaigns/" + id).json();
        assertThat(active.path("effective_status").asString()).isEqualTo("ACTIVE");
        assertThat(meta.of("campaign")).hasSize(1);
        assertThat(meta.of("adset")).hasSize(1);
        assertThat(meta.of("creative")).hasSize(1);
        assertThat(meta.of("ad")).hasSize(1);
        // created PAUSED (checked by the fake), then activated ad, ad set and campaign
        assertThat(List.of(meta.of("campaign").getFirst().status, meta.of("adset").getFirst().status,
                meta.of("ad").getFirst().status)).containsOnly("ACTIVE");
        var campaign = meta.of("campaign").getFirst().fields;
        assertThat(campaign).containsEntry("objective", "OUTCOME_ENGAGEMENT")
                .containsEntry("special_ad_categories", "[]").containsEntry("is_adset_budget_sharing_enabled", "false");
        var adset = meta.of("adset").getFirst().fields;
        assertThat(adset).containsEntry("daily_budget", "1000").containsEntry("optimization_goal", "POST_ENGAGEMENT")
                .containsEntry("billing_event", "IMPRESSIONS").containsEntry("destination_type", "ON_POST");
        assertThat(adset.get("targeting")).contains("\"countries\":[\"FR\",\"BE\"]").contains("\"age_min\":21")
                .contains("\"interests\":[{\"id\":\"6003139266461\"}]")
                .contains("\"targeting_automation\":{\"advantage_audience\":0}");
        assertThat(adset).containsEntry("bid_strategy", "LOWEST_COST_WITHOUT_CAP");
        assertThat(meta.of("ad").getFirst().fields.get("creative"))
                .isEqualTo("{\"creative_id\":\"" + meta.idOf("creative") + "\"}");
        assertThat(meta.of("creative").getFirst().fields).containsEntry("source_instagram_media_id", "178900")
                .containsEntry("instagram_user_id", "777").containsEntry("object_id", "555");

        var metrics = api.get("/campaigns/" + id + "/metrics").json();
        assertThat(metrics.path("currency").asString()).isEqualTo("EUR");
        var reading = metrics.path("items").path(0);
        assertThat(reading.path("spend_minor").asLong()).isEqualTo(1234);
        assertThat(reading.path("impressions").asLong()).isEqualTo(1000);
        assertThat(reading.path("reach").asLong()).isEqualTo(800);
        assertThat(reading.path("video_plays").asLong()).isEqualTo(400);
        assertThat(reading.path("thruplays").asLong()).isEqualTo(120);
        assertThat(reading.path("results").asLong()).isEqualTo(50);
        assertThat(reading.path("cost_per_result_minor").asLong()).isEqualTo(25);

        var paused = api.post("/campaigns/" + id + "/pause", null);
        assertThat(paused.status()).isEqualTo(200);
        assertThat(paused.json().path("desired_state").asString()).isEqualTo("paused");
        awaitState(id, "paused");
        assertThat(meta.of("campaign").getFirst().status).isEqualTo("PAUSED");
        Eventually.await("a second reading", Duration.ofSeconds(20),
                () -> api.get("/campaigns/" + id + "/metrics").json().path("items").size() == 2);
        assertThat(events(id)).containsSubsequence("campaign_requested", "campaign_step_recorded",
                "campaign_activated", "campaign_synced", "campaign_pause_requested", "campaign_status_applied",
                "campaign_synced");
    }

    @Test
    void aSpecialAdCategoryGoesToMetaWithTheCountriesItAppliesIn() {
        var created = api.post("/campaigns", body(1000, 2).replace("\"objective\"",
                "\"special_ad_categories\":[\"housing\"],\"objective\""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        awaitState(created.json().path("id").asLong(), "active");
        assertThat(meta.of("campaign").getFirst().fields).containsEntry("special_ad_categories", "[\"HOUSING\"]")
                .containsEntry("special_ad_category_country", "[\"FR\",\"BE\"]");
        // Meta replaced CREDIT by FINANCIAL_PRODUCTS_SERVICES in January 2025
        assertThat(api.post("/campaigns", body(1000, 2).replace("\"objective\"",
                "\"special_ad_categories\":[\"CREDIT\"],\"objective\"")).status()).isEqualTo(400);
    }

    @Test
    void anAnswerLostAfterTheAdWasCreatedIsReadBackNeverCreatedAgain() {
        meta.loseNextAnswer("ads");
        long id = api.post("/campaigns", body(1000, 2)).json().path("id").asLong();
        awaitState(id, "active");
        assertThat(meta.of("ad")).hasSize(1);
        assertThat(meta.of("campaign")).hasSize(1);
        assertThat(meta.creates()).isEqualTo(4);
        assertThat(api.get("/campaigns/" + id).json().path("meta").path("ad_id").asString())
                .isEqualTo(meta.idOf("ad"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_events WHERE entity_id = ? AND entity_type = 'campaign' "
                + "AND payload LIKE '%read back%'").param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRequestLostBeforeMetaActedIsLookedUpFindsNothingAndIsMadeOnce() {
        meta.dropNextRequest("campaigns");
        long id = api.post("/campaigns", body(1000, 2)).json().path("id").asLong();
        awaitState(id, "active");
        assertThat(meta.of("campaign")).hasSize(1);
        assertThat(meta.creates()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_events WHERE entity_id = ? AND entity_type = 'campaign' "
                + "AND payload LIKE '%\"step\":\"campaign\"%' AND payload LIKE '%\"phase\":\"intent\"%'")
                .param(String.valueOf(id))
                .query(Long.class).single()).as("written ahead twice: the lost call and the one after the look-up")
                .isEqualTo(2);
    }

    @Test
    void metaRateLimitsDeferTheSyncWithTheWaitMetaGives() {
        meta.failNextCreate("adsets", 400, 80004, 2446079, "There have been too many calls to this ad-account.");
        long id = api.post("/campaigns", body(1000, 2)).json().path("id").asLong();
        Eventually.await("the deferral", Duration.ofSeconds(20), () -> events(id).contains("campaign_deferred"));
        var c = api.get("/campaigns/" + id).json();
        assertThat(c.path("state").asString()).isEqualTo("creating");
        assertThat(c.path("status_reason").asString()).contains("limiting calls").contains("7 minutes")
                .contains("code 80004");
        Instant runAt = jdbc.sql("SELECT run_at FROM jobs WHERE workspace_id = ? AND kind = 'CAMPAIGN_SYNC' "
                + "AND idempotency_key LIKE '%-after-%'").param(ws).query(Instant.class).single();
        assertThat(runAt).isAfter(Instant.now().plus(Duration.ofMinutes(6)));
        assertThat(meta.of("adset")).isEmpty();
        assertThat(meta.of("campaign").getFirst().status).isEqualTo("PAUSED");
    }

    @Test
    void aBudgetTooLowFailsTheCampaignWithWhatToDoAndReleasesItsCommitment() {
        meta.failNextCreate("adsets", 400, 100, 1885272, "Your budget is too low. The minimum budget is 1.00 EUR");
        long id = api.post("/campaigns", body(1000, 2)).json().path("id").asLong();
        var failed = awaitState(id, "failed");
        assertThat(failed.path("status_reason").asString()).contains("under Meta's minimum").contains("1885272");
        assertThat(events(id)).contains("campaign_failed");
        // its commitment no longer counts: a campaign of the full per-campaign cap fits twice again
        assertThat(api.post("/campaigns", body(25000, 2)).status()).isEqualTo(201);
        assertThat(api.post("/campaigns", body(25000, 2)).status()).isEqualTo(201);
    }

    @Test
    void invalidTargetingAndMissingPermissionSayWhatToFix() {
        meta.failNextCreate("adsets", 400, 100, 1487756, "Invalid targeting spec");
        long targeting = api.post("/campaigns", body(1000, 2)).json().path("id").asLong();
        assertThat(awaitState(targeting, "failed").path("status_reason").asString()).contains("refused the targeting");
        meta.failNextCreate("campaigns", 403, 200, 0, "Requires ads_management permission to manage the object");
        long permission = api.post("/campaigns", body(1000, 2)).json().path("id").asLong();
        assertThat(awaitState(permission, "failed").path("status_reason").asString()).contains("ads_management");
    }

    @Test
    void anExpiredTokenMakesTheAdAccountNeedReconnecting() {
        meta.failNextCreate("campaigns", 401, 190, 463, "Error validating access token: Session has expired");
        long id = api.post("/campaigns", body(1000, 2)).json().path("id").asLong();
        Eventually.await("needs_reauth", Duration.ofSeconds(20),
                () -> api.get("/ad-account").json().path("status").asString().equals("needs_reauth"));
        assertThat(api.get("/ad-account").json().path("status_reason").asString()).contains("connect the ad account");
        var refused = api.post("/campaigns", body(1000, 2));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("reconnecting");
        assertThat(api.get("/campaigns/" + id).json().path("state").asString()).isEqualTo("creating");
    }

    @Test
    void aRequestOverACapIsRefusedBeforeAnyCallToMeta() {
        var overCampaignCap = api.post("/campaigns", body(20000, 3)); // 60000 > 50000
        assertThat(overCampaignCap.status()).isEqualTo(422);
        assertThat(overCampaignCap.header("Content-Type")).startsWith("application/problem+json");
        assertThat(overCampaignCap.json().path("title").asString()).isEqualTo("Campaign cap exceeded");
        assertThat(api.post("/campaigns", body(25000, 2)).status()).isEqualTo(201);
        assertThat(api.post("/campaigns", body(25000, 2)).status()).isEqualTo(201);
        var overSpendCap = api.post("/campaigns", body(100, 1));
        assertThat(overSpendCap.status()).isEqualTo(422);
        assertThat(overSpendCap.json().path("title").asString()).isEqualTo("Spend cap exceeded");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM campaigns WHERE workspace_id = ?").param(ws).query(Long.class)
                .single()).isEqualTo(2);
        // the refusals reached nothing: Meta holds only what the two accepted campaigns' syncs made
        Eventually.await("both built", Duration.ofSeconds(30), () -> meta.of("ad").size() == 2);
        assertThat(meta.of("campaign")).hasSize(2);
    }

    @Test
    void badInputIsAProblemListingEveryFieldAndChangesNothing() {
        var bad = api.post("/campaigns", "{\"post\":{\"platform\":\"instagram\",\"id\":\"178900\"},"
                + "\"objective\":\"OUTCOME_SALES\",\"budget\":{\"amount_minor\":5,\"currency\":\"USD\"},"
                + "\"targeting\":{\"countries\":[\"XX\"],\"age_min\":70}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.body()).contains("objective").contains("currency").contains("budget_minor")
                .contains("ends_at").contains("countries").contains("age_min");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM campaigns WHERE workspace_id = ?").param(ws).query(Long.class)
                .single()).isZero();
    }

    @Test
    void theSameIdempotencyKeyNeverCreatesASecondCampaignAndRefusesAnotherBudget() {
        io.socialsync.support.IdempotencyKeyChecks.assertReplayedAndReuseRefused((key, body) -> api.post("/campaigns",
                        body.replace("\"objective\"", "\"idempotency_key\":\"" + key + "\",\"objective\"")),
                body(1000, 2), body(2000, 2), answer -> answer.path("id").asString(),
                () -> jdbc.sql("SELECT COUNT(*) FROM campaigns WHERE workspace_id = ?").param(ws).query(Long.class)
                        .single());
    }

    @Test
    void stoppingACampaignPausesItOnMetaForGoodAndOtherWorkspacesSeeNothing() {
        long id = api.post("/campaigns", body(25000, 2)).json().path("id").asLong();
        long paused = api.post("/campaigns", body(25000, 2)).json().path("id").asLong();
        awaitState(id, "active");
        Eventually.await("a reading of campaign " + id, Duration.ofSeconds(30),
                () -> api.get("/campaigns/" + id + "/metrics").json().path("items").size() > 0);
        api.post("/campaigns/" + paused + "/pause", null);
        awaitState(paused, "paused");
        assertThat(api.post("/campaigns", body(100, 1)).status()).isEqualTo(422);
        assertThat(api.post("/campaigns/" + id + "/stop", null).json().path("desired_state").asString())
                .isEqualTo("stopped");
        awaitState(id, "stopped");
        assertThat(meta.of("campaign").stream().filter(c -> c.name.contains("campaign")).map(c -> c.status))
                .containsOnly("PAUSED");
        // Meta reports spend late: until a reading a day after the stop, the stopped campaign keeps all its 50000
        var early = api.post("/campaigns", body(100, 1));
        assertThat(early.status()).as(early.body()).isEqualTo(422);
        assertThat(early.json().path("detail").asString()).contains("already commit 100000");
        Instant stoppedAt = jdbc.sql("SELECT stopped_at FROM campaigns WHERE id = ?").param(id).query(Instant.class)
                .single();
        assertThat(jdbc.sql("SELECT run_at FROM jobs WHERE workspace_id = ? AND kind = 'CAMPAIGN_SYNC' "
                + "AND idempotency_key LIKE ?").params(ws, "campaign-sync-" + id + "-final-%").query(Instant.class)
                .single()).isEqualTo(stoppedAt.plus(Duration.ofHours(24)));
        // a day passes (the campaign's times move a day back) and Meta has since reported 20.00 spent
        meta.reportSpend("20.00");
        dayLater(id);
        Eventually.await("the settled reading of campaign " + id, Duration.ofSeconds(30),
                () -> api.get("/campaigns/" + id + "/metrics").json().path("items").findValues("spend_minor").stream()
                        .anyMatch(spend -> spend.asLong() == 2000));
        // now the stopped campaign counts the 2000 it spent, late spend included; the paused one all its 50000
        var overByOne = api.post("/campaigns", body(24001, 2));
        assertThat(overByOne.status()).as(overByOne.body()).isEqualTo(422);
        assertThat(overByOne.json().path("detail").asString()).contains("already commit 52000");
        assertThat(api.post("/campaigns", body(24000, 2)).status()).isEqualTo(201);
        var again = api.post("/campaigns/" + id + "/resume", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/campaigns").json().path("items").findValuesAsString("id")).contains(String.valueOf(id));
        long other = workspaces.create("other-" + UUID.randomUUID()).id();
        var stranger = api.withKey(keys.create(other, "x", Role.ADMIN, Actor.SYSTEM).plainKey());
        assertThat(stranger.get("/campaigns/" + id).status()).isEqualTo(404);
        assertThat(stranger.post("/campaigns/" + id + "/pause", null).status()).isEqualTo(404);
        assertThat(stranger.get("/campaigns").json().path("items").size()).isZero();
        assertThat(stranger.get("/ad-account").status()).isEqualTo(404);
    }

    /** EU Digital Services Act: who benefits and who pays go with every ad set; a PUT without them keeps them. */
    @Test
    void theDsaNamesGoWithTheAdSetAndAPutWithoutThemKeepsThem() {
        String account = "{\"account_id\":\"act_" + meta.id + "\",\"page_id\":\"555\",\"instagram_user_id\":\"777\","
                + "\"campaign_cap_minor\":50000,\"spend_cap_minor\":";
        var named = put("/ad-account", account + "100000,\"dsa_beneficiary\":\"Sello Records S.L.\",\"dsa_payor\":"
                + "\"Agencia Norte S.A.\"}");
        assertThat(named.status()).as(named.body()).isEqualTo(200);
        assertThat(named.json().path("dsa_beneficiary").asString()).isEqualTo("Sello Records S.L.");
        var capsOnly = put("/ad-account", account + "90000}");
        assertThat(capsOnly.json().path("dsa_payor").asString()).as(capsOnly.body()).isEqualTo("Agencia Norte S.A.");
        var bad = put("/ad-account", account + "90000,\"dsa_payor\":\"" + "x".repeat(501) + "\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(api.get("/ad-account").json().path("dsa_payor").asString()).isEqualTo("Agencia Norte S.A.");

        long id = api.post("/campaigns", body(1000, 2)).json().path("id").asLong();
        awaitState(id, "active");
        var adset = meta.of("adset").getFirst().fields;
        assertThat(adset).containsEntry("dsa_beneficiary", "Sello Records S.L.")
                .containsEntry("dsa_payor", "Agencia Norte S.A.");

        var cleared = put("/ad-account", account + "90000,\"dsa_beneficiary\":\"\",\"dsa_payor\":\"\"}");
        assertThat(cleared.json().path("dsa_beneficiary").isNull()).as(cleared.body()).isTrue();
    }

    @Test
    void aTokenMetaRefusesIsNotConnectedAndViewersCannotConnect() {
        var refused = put("/ad-account", "{\"account_id\":\"" + meta.id + "\",\"access_token\":\"wrong\","
                + "\"spend_cap_minor\":1,\"campaign_cap_minor\":1}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("title").asString()).isEqualTo("Meta refused the token");
        assertThat(api.get("/ad-account").json().path("spend_cap_minor").asLong()).isEqualTo(100000);
        var viewer = api.withKey(keys.create(ws, "viewer", Role.VIEWER, Actor.SYSTEM).plainKey());
        assertThat(viewer.post("/campaigns", body(1000, 2)).status()).isEqualTo(403);
        assertThat(viewer.get("/ad-account").json().path("access_token").isMissingNode()).isTrue();
    }

    private String body(long dailyMinor, int days) {
        Instant end = Instant.now().plus(Duration.ofDays(days)).minus(Duration.ofMinutes(1))
                .truncatedTo(ChronoUnit.SECONDS);
        return "{\"post\":{\"platform\":\"instagram\",\"id\":\"178900\"},\"objective\":\"OUTCOME_ENGAGEMENT\","
                + "\"budget\":{\"kind\":\"daily\",\"amount_minor\":" + dailyMinor + ",\"currency\":\"EUR\"},"
                + "\"ends_at\":\"" + end + "\",\"targeting\":{\"countries\":[\"fr\",\"BE\"],\"age_min\":21,"
                + "\"age_max\":45,\"interests\":[\"6003139266461\"]}}";
    }

    /** A day passes for campaign {@code id}: its times move a day back and its final reading is due now. */
    private void dayLater(long id) {
        var day = Duration.ofDays(1);
        var times = jdbc.sql("SELECT stopped_at, settles_at, synced_at FROM campaigns WHERE id = ?").param(id)
                .query((rs, n) -> List.of(rs.getObject(1, java.time.OffsetDateTime.class),
                        rs.getObject(2, java.time.OffsetDateTime.class), rs.getObject(3, java.time.OffsetDateTime.class)))
                .single();
        jdbc.sql("UPDATE campaigns SET stopped_at = ?, settles_at = ?, synced_at = ? WHERE id = ?")
                .params(times.get(0).minus(day), times.get(1).minus(day), times.get(2).minus(day), id).update();
        jdbc.sql("UPDATE jobs SET run_at = ? WHERE workspace_id = ? AND idempotency_key LIKE ?")
                .params(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC), ws, "campaign-sync-" + id + "-final-%")
                .update();
    }

    private JsonNode awaitState(long id, String state) {
        Eventually.await("campaign " + id + " " + state, Duration.ofSeconds(30),
                () -> api.get("/campaigns/" + id).json().path("state").asString().equals(state));
        return api.get("/campaigns/" + id).json();
    }

    private List<String> events(long id) {
        return jdbc.sql("SELECT event_type FROM ledger_events WHERE workspace_id = ? AND entity_type = 'campaign' "
                + "AND entity_id = ? ORDER BY id").params(ws, String.valueOf(id)).query(String.class).list();
    }

    private Api.Response put(String path, String json) {
        return api.send(api.request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }
}
