package io.socialsync.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.domain.Invalid;
import io.socialsync.ledger.Actor;
import io.socialsync.secrets.SecretBox;
import io.socialsync.workspace.Workspaces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The campaigns store and its money guards against a real database, once per database by its subclasses.
 * Workers and the scheduler are off: nothing calls Meta, so the test sees exactly what requests stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "socialsync.roles.workers=false", "socialsync.roles.scheduler=false"})
abstract class CampaignStoreContract {
    @Autowired Workspaces workspaces;
    @Autowired AdAccounts accounts;
    @Autowired Campaigns campaigns;
    @Autowired CampaignMetrics metrics;
    @Autowired CampaignService service;
    @Autowired SecretBox secrets;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    long ws;

    @BeforeEach
    void workspaceWithAdAccount() {
        ws = workspaces.create("ws-" + UUID.randomUUID()).id();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        accounts.insert(new AdAccount(0, ws, "42", "Shop", "EUR", "555", "777", secrets.seal("token"), 10_000, 4_000,
                AdAccount.ACTIVE, null, now, now));
    }

    private CampaignRequest lifetime(long budgetMinor, String key) {
        return new CampaignRequest(null, null, "instagram", "178900", null, null, null, null, "lifetime",
                budgetMinor, "EUR", null, clock.instant().plus(Duration.ofDays(3)), List.of("FR"), null, null, null,
                key);
    }

    /** Twelve requests of 3000 at once against a cap of 10000: three get in, whatever the interleaving. */
    @Test
    void concurrentRequestsNeverExceedTheSpendCap() throws Exception {
        var outcomes = race(12, i -> lifetime(3000, null));
        long accepted = outcomes.stream().filter(o -> o.equals("created")).count();
        assertThat(accepted).isEqualTo(3);
        assertThat(outcomes).filteredOn(o -> !o.equals("created")).containsOnly("Spend cap exceeded");
        assertThat(campaigns.committed(ws)).isEqualTo(9000).isLessThanOrEqualTo(10_000);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM jobs WHERE workspace_id = ? AND kind = 'CAMPAIGN_SYNC'").param(ws)
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void concurrentRequestsWithOneIdempotencyKeyMakeOneCampaign() throws Exception {
        var outcomes = race(6, i -> lifetime(1000, "boost-7"));
        assertThat(outcomes).filteredOn(o -> o.equals("created")).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.equals("existing")).hasSize(5);
        assertThat(campaigns.committed(ws)).isEqualTo(1000);
    }

    @Test
    void theCampaignCapIsCheckedAndAFailedCampaignNoLongerCounts() {
        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(Invalid.class,
                () -> service.create(ws, lifetime(4001, null), Actor.SYSTEM));
        assertThat(refused.title()).isEqualTo("Campaign cap exceeded");
        var c = service.create(ws, lifetime(4000, null), Actor.SYSTEM).campaign();
        assertThat(campaigns.committed(ws)).isEqualTo(4000);
        jdbc.sql("UPDATE campaigns SET state = 'failed' WHERE id = ?").param(c.id()).update();
        assertThat(campaigns.committed(ws)).isZero();
    }

    /**
     * A stopped campaign, and one past its end, count what they spent only from a reading taken once their spend
     * settled (Meta reports it late); until then their whole commitment, as a paused one. The sweep reads them
     * until that reading is taken. The room given back is shared by concurrent requests without going over the cap.
     */
    @Test
    void stoppedAndEndedCampaignsKeepTheirRoomUntilASettledReadingThenWhatTheySpentAndRequestsRaceForTheRest()
            throws Exception {
        Instant t = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant settles = t.plus(Duration.ofHours(22));
        var stopped = service.create(ws, lifetime(3000, null), Actor.SYSTEM).campaign();
        var paused = service.create(ws, lifetime(3000, null), Actor.SYSTEM).campaign();
        var ended = service.create(ws, lifetime(3000, null), Actor.SYSTEM).campaign();
        assertThat(stopped.settlesAt()).isEqualTo(stopped.endsAt().plus(Duration.ofHours(24)));
        metrics.insert(ws, stopped.id(), spent(t.minusSeconds(60), 900), 1L);
        metrics.insert(ws, stopped.id(), spent(t, 1200), 1L);
        metrics.insert(ws, paused.id(), spent(t, 500), 1L);
        metrics.insert(ws, ended.id(), spent(t, 1000), 1L);
        set(paused.id(), "paused", null, null, null, null, t);
        // stopped two hours ago and read right after: spend reported later would be missed
        set(stopped.id(), "stopped", null, t.minus(Duration.ofHours(2)), null, settles, t);
        // past its end, read since but not yet seen as ended
        set(ended.id(), "active", t.minus(Duration.ofHours(2)), null, null, null, t);
        assertThat(campaigns.committed(ws)).isEqualTo(9000);
        // the stopped one is read again once its spend settled, not before; the others at each interval
        assertThat(due(t.plusSeconds(1), t.plusSeconds(1))).containsExactly(paused.id(), ended.id());
        assertThat(due(settles.minus(Duration.ofHours(1)), settles)).containsExactly(stopped.id(), paused.id(),
                ended.id());

        set(stopped.id(), "stopped", null, t.minus(Duration.ofHours(2)), null, settles, settles);
        assertThat(campaigns.committed(ws)).isEqualTo(1200 + 3000 + 3000);
        set(ended.id(), "active", null, null, t.minus(Duration.ofHours(2)), settles, t);
        assertThat(campaigns.committed(ws)).isEqualTo(1200 + 3000 + 3000);
        set(ended.id(), "active", null, null, t.minus(Duration.ofHours(2)), settles, settles);
        assertThat(campaigns.committed(ws)).isEqualTo(1200 + 3000 + 1000);
        // settled: no more reads, while the paused one is read at each interval
        assertThat(due(settles.plus(Duration.ofHours(5)), settles.plus(Duration.ofHours(6))))
                .containsExactly(paused.id());

        // 4800 left under the cap of 10000: two requests of 2000 get in, whatever the interleaving
        var outcomes = race(8, i -> lifetime(2000, null));
        assertThat(outcomes).filteredOn(o -> o.equals("created")).hasSize(2);
        assertThat(outcomes).filteredOn(o -> !o.equals("created")).containsOnly("Spend cap exceeded");
        assertThat(campaigns.committed(ws)).isEqualTo(9200).isLessThanOrEqualTo(10_000);
        // what the boost rule is weighed against: spent by any campaign, running or not, never given back
        assertThat(campaigns.spent(ws)).isEqualTo(1200 + 500 + 1000);
    }

    /** The first stop or end recorded stays, and the time its spend settles only moves earlier; fenced by the lease. */
    @Test
    void aStopOrEndIsRecordedOnceAndItsSettlingOnlyMovesEarlier() {
        Instant t = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var c = service.create(ws, lifetime(1000, null), Actor.SYSTEM).campaign();
        assertThat(campaigns.takeLease(ws, c.id(), "l1", t.plusSeconds(600), t)).isTrue();
        assertThat(campaigns.finished(ws, c.id(), "other", true, t, t)).isFalse();
        assertThat(campaigns.finished(ws, c.id(), "l1", true, t, t.plus(Duration.ofHours(24)))).isTrue();
        assertThat(campaigns.finished(ws, c.id(), "l1", true, t.plusSeconds(60), t.plus(Duration.ofHours(48))))
                .isTrue();
        assertThat(campaigns.finished(ws, c.id(), "l1", false, t.plusSeconds(90), t.plus(Duration.ofHours(30))))
                .isTrue();
        var row = campaigns.byId(ws, c.id()).orElseThrow();
        assertThat(row.stoppedAt()).isEqualTo(t);
        assertThat(row.endedAt()).isEqualTo(t.plusSeconds(90));
        assertThat(row.settlesAt()).isEqualTo(t.plus(Duration.ofHours(24)));
        assertThat(row.settled()).isFalse();
    }

    private List<Long> due(Instant before, Instant now) {
        return campaigns.dueForSync(before, now, 10_000).stream().filter(c -> c.workspaceId() == ws)
                .map(Campaign::id).toList();
    }

    private static CampaignReading spent(Instant at, long spendMinor) {
        return new CampaignReading(at, "ACTIVE", spendMinor, 100, 80, 0, 0, 5, spendMinor / 5);
    }

    private void set(long id, String state, Instant endsAt, Instant stoppedAt, Instant endedAt, Instant settlesAt,
                     Instant syncedAt) {
        jdbc.sql("UPDATE campaigns SET state = ?, ends_at = COALESCE(?, ends_at), stopped_at = ?, ended_at = ?, "
                        + "settles_at = COALESCE(?, settles_at), synced_at = ? WHERE id = ?")
                .params(state, utc(endsAt), utc(stoppedAt), utc(endedAt), utc(settlesAt), utc(syncedAt), id).update();
    }

    private static java.time.OffsetDateTime utc(Instant at) {
        return at == null ? null : io.socialsync.db.Timestamps.utc(at);
    }

    @Test
    void theSyncLeaseFencesEveryWrite() {
        var c = service.create(ws, lifetime(1000, null), Actor.SYSTEM).campaign();
        Instant now = clock.instant();
        assertThat(campaigns.takeLease(ws, c.id(), "a", now.plusSeconds(60), now)).isTrue();
        assertThat(campaigns.takeLease(ws, c.id(), "b", now.plusSeconds(60), now)).isFalse();
        assertThat(campaigns.intent(ws, c.id(), "b", "campaign", now)).isFalse();
        assertThat(campaigns.intent(ws, c.id(), "a", "campaign", now)).isTrue();
        assertThat(campaigns.byId(ws, c.id()).orElseThrow().intentAt()).isNotNull();
        assertThat(campaigns.recorded(ws, c.id(), "a", "campaign", "120330000", now)).isTrue();
        var stored = campaigns.byId(ws, c.id()).orElseThrow();
        assertThat(stored.remoteCampaignId()).isEqualTo("120330000");
        assertThat(stored.intentAt()).isNull();
        assertThat(stored.targeting().countries()).containsExactly("FR");
        assertThat(stored.committedMinor()).isEqualTo(1000);
        // a lapsed lease can be taken over, and the old holder then writes nothing
        assertThat(campaigns.takeLease(ws, c.id(), "b", now.plusSeconds(120), now.plusSeconds(61))).isTrue();
        assertThat(campaigns.settle(ws, c.id(), "a", CampaignState.ACTIVE, "ACTIVE", null, now, now)).isFalse();
        assertThat(campaigns.byId(ws + 1_000_000, c.id())).isEmpty();
    }

    @Test
    void readingsAreATimeSeriesOldestFirst() {
        var c = service.create(ws, lifetime(1000, null), Actor.SYSTEM).campaign();
        Instant t = clock.instant().truncatedTo(ChronoUnit.MICROS);
        metrics.insert(ws, c.id(), new CampaignReading(t.plusSeconds(3600), "ACTIVE", 200, 20, 10, 5, 2, 4, 50L), 1L);
        metrics.insert(ws, c.id(), new CampaignReading(t, "ACTIVE", 100, 10, 5, 2, 1, 0, null), 1L);
        var series = service.metrics(ws, c.id(), null, 10);
        assertThat(series).extracting(CampaignReading::spendMinor).containsExactly(100L, 200L);
        assertThat(series.getFirst().costPerResultMinor()).isNull();
        assertThat(service.metrics(ws, c.id(), t.plusSeconds(1), 10)).hasSize(1);
    }

    @Test
    void boostingAPostedPublicationUsesItsMediaIdUnderTheSameCaps() {
        long account = insert("INSERT INTO social_accounts (workspace_id, platform, handle, external_ids, timezone, "
                + "status, created_at, updated_at) VALUES (?, 'instagram', 'shop', '{}', 'UTC', 'active', ?, ?)", ws,
                now(), now());
        long video = insert("INSERT INTO videos (workspace_id, source, storage_key, size_bytes, sha256, state, "
                + "created_at, updated_at) VALUES (?, 'UPLOAD', 'videos/x.mp4', 1, ?, 'READY', ?, ?)", ws,
                UUID.randomUUID().toString().replace("-", ""), now(), now());
        long clip = insert("INSERT INTO clips (workspace_id, video_id, rank, start_ms, end_ms, score, sub_scores, "
                + "reason, created_at) VALUES (?, ?, 1, 0, 15000, 80, '{}', 'clip', ?)", ws, video, now());
        long posted = insert("INSERT INTO publications (workspace_id, clip_id, social_account_id, platform, state, "
                + "scheduled_for, rules_version, scheduled_by, created_at, updated_at, external_id, posted_at) "
                + "VALUES (?, ?, ?, 'instagram', 'POSTED', ?, 0, 'manual', ?, ?, '17900000000000001', ?)", ws, clip,
                account, now(), now(), now(), now());
        var boost = service.boost(ws, posted, 500, 7, List.of("FR"), "rule-1-" + posted, Actor.SYSTEM);
        assertThat(boost.created()).isTrue();
        var c = boost.campaign();
        assertThat(c.postPlatform()).isEqualTo("instagram");
        assertThat(c.postId()).isEqualTo("17900000000000001");
        assertThat(c.publicationId()).isEqualTo(posted);
        assertThat(c.objective()).isEqualTo("OUTCOME_ENGAGEMENT");
        assertThat(c.committedMinor()).isEqualTo(3500);
        assertThat(service.boost(ws, posted, 500, 7, List.of("FR"), "rule-1-" + posted, Actor.SYSTEM).created())
                .isFalse();
        // 3500 + 4000 + 3500 > 10000: the third boost is refused like any request
        service.create(ws, lifetime(4000, null), Actor.SYSTEM);
        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(Invalid.class,
                () -> service.boost(ws, posted, 500, 7, List.of("FR"), "rule-2-" + posted, Actor.SYSTEM));
        assertThat(refused.title()).isEqualTo("Spend cap exceeded");
    }

    @Test
    void theSweepQueuesOneSyncPerLiveCampaignAndInterval(@Autowired CampaignSyncSweep sweep) {
        var c = service.create(ws, lifetime(1000, null), Actor.SYSTEM).campaign();
        jdbc.sql("UPDATE campaigns SET state = 'active' WHERE id = ?").param(c.id()).update();
        assertThat(sweep.enqueueDue()).isGreaterThanOrEqualTo(1);
        assertThat(sweep.enqueueDue()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM jobs WHERE workspace_id = ? AND kind = 'CAMPAIGN_SYNC' "
                + "AND idempotency_key LIKE '%-slot-%'").param(ws).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void campaignsOfAnAdAccountToReconnectAreNotSweptUntilItIsReconnected(@Autowired CampaignSyncSweep sweep,
                                                                           @Autowired AdAccountService accountService) {
        var c = service.create(ws, lifetime(1000, null), Actor.SYSTEM).campaign();
        jdbc.sql("UPDATE campaigns SET state = 'active' WHERE id = ?").param(c.id()).update();
        accountService.needsReauth(ws, "Error validating access token", Actor.SYSTEM);
        sweep.enqueueDue();
        assertThat(syncsSwept()).as("each would fail: Meta refuses the token").isZero();

        jdbc.sql("UPDATE ad_accounts SET status = 'active', status_reason = NULL WHERE workspace_id = ?").param(ws)
                .update();
        sweep.enqueueDue();
        assertThat(syncsSwept()).isEqualTo(1);
    }

    private long syncsSwept() {
        return jdbc.sql("SELECT COUNT(*) FROM jobs WHERE workspace_id = ? AND kind = 'CAMPAIGN_SYNC' "
                + "AND idempotency_key LIKE '%-slot-%'").param(ws).query(Long.class).single();
    }

    private java.time.OffsetDateTime now() {
        return io.socialsync.db.Timestamps.utc(clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    private long insert(String sql, Object... params) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKey().longValue();
    }

    private List<String> race(int n, java.util.function.IntFunction<CampaignRequest> request) throws Exception {
        var pool = Executors.newFixedThreadPool(n);
        try {
            var start = new CountDownLatch(1);
            var futures = new ArrayList<Future<String>>();
            for (int i = 0; i < n; i++) {
                int k = i;
                Callable<String> call = () -> {
                    start.await();
                    try {
                        return service.create(ws, request.apply(k), Actor.SYSTEM).created() ? "created" : "existing";
                    } catch (Invalid refused) {
                        return refused.title();
                    }
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            var outcomes = new ArrayList<String>();
            for (var f : futures) {
                try {
                    outcomes.add(f.get());
                } catch (ExecutionException e) {
                    throw new AssertionError("a request failed", e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
