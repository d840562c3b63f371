package io.socialsync.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialsync.accounts.AccountChanges;
import io.socialsync.accounts.SocialAccountService;
import io.socialsync.db.Timestamps;
import io.socialsync.ledger.Actor;
import io.socialsync.platforms.MetricValue;
import io.socialsync.platforms.Platform;
import io.socialsync.publish.PublicationState;
import io.socialsync.publish.runs.PublishOutcomes;
import io.socialsync.support.ClockedServerTest;
import io.socialsync.support.MutableClock;
import io.socialsync.workspace.Workspaces;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The metrics store and the INSIGHTS planning against a real database, once per database by its subclasses.
 * Workers, the tick and the API are off: nothing runs the jobs, so the test sees exactly what was queued.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "socialsync.roles.workers=false", "socialsync.roles.scheduler=false"})
@Import(ClockedServerTest.Clocks.class)
abstract class MetricsStoreContract {
    private static final Instant POSTED = Instant.parse("2030-01-07T19:00:30Z");
    @Autowired MutableClock clock;
    @Autowired Workspaces workspaces;
    @Autowired JdbcClient jdbc;
    @Autowired SocialAccountService accounts;
    @Autowired PublicationMetrics metrics;
    @Autowired MetricsRecorder recorder;
    @Autowired PublishOutcomes outcomes;
    @Autowired TransactionTemplate tx;
    long ws;
    long account;

    @BeforeEach
    void workspace() {
        clock.set(POSTED);
        ws = workspaces.create("ws-" + UUID.randomUUID()).id();
        account = accounts.create(ws, Platform.INSTAGRAM, new AccountChanges("h", Map.of(), ZoneId.of("UTC"),
                "token", null, null, null), Actor.SYSTEM).id();
    }

    private long insert(String sql, Object... params) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKey().longValue();
    }

    private long publication(long workspace, long socialAccount, String state) {
        var created = POSTED.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC);
        long video = insert("INSERT INTO videos (workspace_id, source, storage_key, size_bytes, sha256, state, "
                + "created_at, updated_at) VALUES (?, 'UPLOAD', 'videos/x.mp4', 1, ?, 'READY', ?, ?)", workspace,
                UUID.randomUUID().toString().replace("-", ""), created, created);
        long clip = insert("INSERT INTO clips (workspace_id, video_id, rank, start_ms, end_ms, score, sub_scores, "
                + "reason, created_at) VALUES (?, ?, 1, 0, 15000, 80, '{}', 'clip', ?)", workspace, video, created);
        return insert("INSERT INTO publications (workspace_id, clip_id, social_account_id, platform, state, "
                + "scheduled_for, rules_version, scheduled_by, created_at, updated_at) VALUES (?, ?, ?, 'instagram', "
                + "?, ?, 0, 'manual', ?, ?)", workspace, clip, socialAccount, state, Timestamps.utc(POSTED),
                created, created);
    }

    private MetricsCollection.New collection(long publication, Checkpoint c, CollectionStatus status, Instant at,
                                             List<MetricValue> values) {
        return new MetricsCollection.New(ws, publication, Platform.INSTAGRAM, "M1", c, status, null, null, at, values);
    }

    private static List<MetricValue> reel(double views) {
        return List.of(new MetricValue("views", "views", views), new MetricValue("saved", "saves", 4),
                new MetricValue("ig_reels_avg_watch_time", "avg_watch_time_ms", 5821.5),
                new MetricValue("fb_reels_replay_count", null, 3));
    }

    @Test
    void theSeriesComesBackInCollectionOrderWithEveryValue() {
        long p = publication(ws, account, "POSTED");
        metrics.insert(collection(p, Checkpoint.H24, CollectionStatus.COLLECTED, POSTED.plus(Duration.ofHours(24)),
                reel(900)));
        metrics.insert(collection(p, Checkpoint.H1, CollectionStatus.COLLECTED, POSTED.plus(Duration.ofHours(1)),
                reel(100)));
        metrics.insert(collection(p, Checkpoint.D7, CollectionStatus.UNAVAILABLE, POSTED.plus(Duration.ofDays(7)),
                List.of()));

        var series = metrics.series(ws, p);

        assertThat(series).extracting(MetricsCollection::checkpoint).containsExactly(Checkpoint.H1, Checkpoint.H24,
                Checkpoint.D7);
        assertThat(series.get(0).collectedAt()).isEqualTo(POSTED.plus(Duration.ofHours(1)));
        assertThat(series.get(0).values()).containsExactlyInAnyOrderElementsOf(reel(100));
        assertThat(series.get(1).values()).contains(new MetricValue("views", "views", 900));
        assertThat(series.get(2).values()).isEmpty();
        assertThat(series.get(2).status()).isEqualTo(CollectionStatus.UNAVAILABLE);
        assertThat(metrics.at(ws, p, Checkpoint.H24).orElseThrow().values()).hasSize(4);
    }

    @Test
    void everyReadIsScopedToItsWorkspace() {
        long p = publication(ws, account, "POSTED");
        metrics.insert(collection(p, Checkpoint.H1, CollectionStatus.GONE, POSTED, List.of()));
        long otherWs = workspaces.create("other-" + UUID.randomUUID()).id();

        assertThat(metrics.series(otherWs, p)).isEmpty();
        assertThat(metrics.at(otherWs, p, Checkpoint.H1)).isEmpty();
        assertThat(metrics.gone(otherWs, p)).isFalse();
        assertThat(metrics.gone(ws, p)).isTrue();
    }

    @Test
    void oneCollectionPerCheckpoint() {
        long p = publication(ws, account, "POSTED");
        metrics.insert(collection(p, Checkpoint.H1, CollectionStatus.COLLECTED, POSTED, reel(1)));
        assertThatThrownBy(() -> metrics.insert(collection(p, Checkpoint.H1, CollectionStatus.COLLECTED, POSTED,
                reel(2)))).isInstanceOf(DuplicateKeyException.class);
        assertThat(metrics.gone(ws, p)).isFalse();
    }

    @Test
    void concurrentRecordsOfOneCheckpointStoreItOnceWithOneEvent() throws Exception {
        long p = publication(ws, account, "POSTED");
        int runs = 6;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(runs);
        List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Void>> tasks = Collections.nCopies(runs, () -> {
            start.await();
            ids.add(recorder.record(collection(p, Checkpoint.H1, CollectionStatus.COLLECTED, POSTED, reel(5)),
                    Actor.SYSTEM).id());
            return null;
        });
        var futures = tasks.stream().map(pool::submit).toList();
        start.countDown();
        for (var f : futures) {
            f.get();
        }
        pool.shutdown();

        assertThat(ids).hasSize(runs).containsOnly(ids.get(0));
        assertThat(metrics.series(ws, p)).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_events WHERE workspace_id = ? AND event_type = "
                + "'metrics_collected' AND entity_id = ?").params(ws, String.valueOf(p)).query(Long.class).single())
                .isEqualTo(1);
    }

    private List<Map<String, Object>> insightsJobs() {
        return jdbc.sql("SELECT idempotency_key, run_at FROM jobs WHERE workspace_id = ? AND kind = 'INSIGHTS' "
                + "ORDER BY run_at").param(ws).query().listOfRows();
    }

    @Test
    void checkpointsAreQueuedInThePostedTransactionAndOnlyWithIt() {
        long p = publication(ws, account, "PENDING");

        tx.executeWithoutResult(status -> {
            assertThat(outcomes.posted(ws, p, PublicationState.PENDING, "M1", null, Actor.SYSTEM)).isTrue();
            assertThat(insightsJobs()).hasSize(3);
            status.setRollbackOnly();
        });
        assertThat(insightsJobs()).isEmpty();

        assertThat(outcomes.posted(ws, p, PublicationState.PENDING, "M1", null, Actor.SYSTEM)).isTrue();
        var jobs = insightsJobs();
        assertThat(jobs).extracting(row -> row.get("idempotency_key")).containsExactly("insights-" + p + "-1h",
                "insights-" + p + "-24h", "insights-" + p + "-7d");
        assertThat(jobs).extracting(row -> instant(row.get("run_at"))).containsExactly(
                POSTED.plus(Duration.ofHours(1)), POSTED.plus(Duration.ofHours(24)), POSTED.plus(Duration.ofDays(7)));
        // a replayed transition appends publish_posted again: the idempotency keys still make it three jobs
        assertThat(outcomes.posted(ws, p, PublicationState.POSTED, "M1", null, Actor.SYSTEM)).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_events WHERE workspace_id = ? AND event_type = "
                + "'publish_posted'").param(ws).query(Long.class).single()).isEqualTo(2);
        assertThat(insightsJobs()).hasSize(3);
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case java.time.OffsetDateTime odt -> odt.toInstant();
            case java.sql.Timestamp ts -> ts.toInstant();
            default -> throw new IllegalStateException("unexpected " + value.getClass());
        };
    }
}
