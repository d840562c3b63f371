package io.socialsync.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.accounts.AccountChanges;
import io.socialsync.accounts.SocialAccountService;
import io.socialsync.jobs.JobQueue;
import io.socialsync.jobs.JobState;
import io.socialsync.ledger.Actor;
import io.socialsync.platforms.Platform;
import io.socialsync.publish.orchestrator.Orchestrator;
import io.socialsync.publish.runs.PublishOutcomes;
import io.socialsync.publish.scheduling.PublicationLifecycle;
import io.socialsync.publish.scheduling.Rescheduling;
import io.socialsync.publish.scheduling.ScheduleOutcome;
import io.socialsync.publish.scheduling.ScheduleRequest;
import io.socialsync.publish.scheduling.SchedulerTick;
import io.socialsync.publish.scheduling.SchedulingService;
import io.socialsync.publish.scheduling.When;
import io.socialsync.rules.RuleInput;
import io.socialsync.rules.RulesService;
import io.socialsync.support.ClockedServerTest;
import io.socialsync.support.MutableClock;
import io.socialsync.workspace.Workspaces;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scheduler's locking against a real database, once per database by its subclasses: concurrent requests and
 * batches for one account, concurrent ticks, cancel/reschedule of a queued post, and orchestrator claims within the
 * accounts' rolling budgets (TikTok's default 15 a day; Instagram's set to 2 here). Workers and the automatic tick
 * are off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "socialsync.roles.workers=false", "socialsync.roles.scheduler=false",
        "socialsync.publishing.tick-batch=7", "socialsync.platforms.instagram.posts-per24h=2"})
@Import(ClockedServerTest.Clocks.class)
abstract class PublishingStoreContract {
    private static final Actor ACTOR = Actor.SYSTEM;
    @Autowired MutableClock clock;
    @Autowired Workspaces workspaces;
    @Autowired JdbcClient jdbc;
    @Autowired SocialAccountService accounts;
    @Autowired RulesService rules;
    @Autowired SchedulingService scheduling;
    @Autowired SchedulerTick tick;
    @Autowired PublicationLifecycle lifecycle;
    @Autowired Rescheduling rescheduling;
    @Autowired PublishOutcomes outcomes;
    @Autowired JobQueue queue;
    @Autowired Orchestrator orchestrator;
    @Autowired io.socialsync.storage.Storage storage;
    long ws;
    long account;

    @BeforeEach
    void workspace() {
        clock.set(ClockedServerTest.START);
        ws = workspaces.create("ws-" + UUID.randomUUID()).id();
        account = accounts.create(ws, Platform.TIKTOK, new AccountChanges("h", Map.of(), ZoneId.of("Europe/Madrid"),
                "token", null, null, null), ACTOR).id();
    }

    @Test
    void concurrentRequestsForOneAccountNeverTakeTheSameSlot() throws Exception {
        int requests = 8;
        List<Long> clips = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            clips.add(PublishingFixtures.clip(jdbc, ws));
        }
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(requests);
        List<Instant> slots = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Void>> tasks = clips.stream().<Callable<Void>>map(clip -> () -> {
            start.await();
            var outcome = scheduling.schedule(ws, request(clip, "2030-01-07T20:00:00+01:00"), ACTOR);
            slots.add(((ScheduleOutcome.Scheduled) outcome).publication().scheduledFor());
            return null;
        }).toList();
        var futures = tasks.stream().map(pool::submit).toList();
        start.countDown();
        for (var f : futures) {
            f.get();
        }
        pool.shutdown();
        var sorted = slots.stream().sorted().toList();
        assertThat(sorted).hasSize(requests).first().isEqualTo(Instant.parse("2030-01-07T19:00:00Z"));
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(Duration.between(sorted.get(i - 1), sorted.get(i))).isEqualTo(Duration.ofMinutes(30));
        }
    }

    @Test
    void concurrentTicksQueueEachDuePostExactlyOnce() throws Exception {
        rules.propose(ws, Map.of("tiktok", new RuleInput(0, 24, 0)), ACTOR);
        List<Long> due = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            var outcome = scheduling.schedule(ws, request(PublishingFixtures.clip(jdbc, ws),
                    "2030-01-07T09:" + (10 + i) + ":00Z"), ACTOR);
            due.add(((ScheduleOutcome.Scheduled) outcome).publication().id());
        }
        clock.set(Instant.parse("2030-01-07T10:00:00Z"));
        var pool = Executors.newFixedThreadPool(4);
        var start = new CountDownLatch(1);
        List<Callable<SchedulerTick.Result>> ticks = Collections.nCopies(4, () -> {
            start.await();
            return tick.tick(ws, false, ACTOR);
        });
        var futures = ticks.stream().map(pool::submit).toList();
        start.countDown();
        List<String> moved = new ArrayList<>();
        for (var f : futures) {
            moved.addAll(f.get().logIds());
        }
        pool.shutdown();
        assertThat(moved).hasSize(30).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(due.stream().map(String::valueOf).toList());
        long jobs = jdbc.sql("SELECT COUNT(*) FROM jobs WHERE workspace_id = ? AND kind = 'PUBLISH'").param(ws)
                .query(Long.class).single();
        assertThat(jobs).isEqualTo(30);
        long events = jdbc.sql("SELECT COUNT(*) FROM ledger_events WHERE workspace_id = ? "
                + "AND event_type = 'publish_scheduled_enqueued'").param(ws).query(Long.class).single();
        assertThat(events).isEqualTo(30);
    }

    @Test
    void cancelAndRescheduleWinOverAQueuedPost() {
        long first = schedule("2030-01-07T17:00:00Z");
        long second = schedule("2030-01-07T17:30:00Z");
        clock.set(Instant.parse("2030-01-07T18:00:00Z"));
        assertThat(tick.tick(ws, false, ACTOR).moved()).isEqualTo(2);
        var queued = lifecycle.get(ws, first);
        assertThat(queued.state()).isEqualTo(PublicationState.PENDING);

        var cancelled = lifecycle.cancel(ws, first, ACTOR);
        assertThat(cancelled.state()).isEqualTo(PublicationState.CANCELLED);
        assertThat(queue.find(ws, queued.jobId()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
        assertThat(outcomes.failPending(ws, first, "late publisher", ACTOR)).isFalse(); // a claimed job does nothing

        long secondJob = lifecycle.get(ws, second).jobId();
        var moved = rescheduling.reschedule(ws, second, When.parse("2030-01-08T19:00:00+01:00"), null, ACTOR);
        assertThat(moved.publication().state()).isEqualTo(PublicationState.SCHEDULED);
        assertThat(moved.publication().scheduledFor()).isEqualTo("2030-01-08T18:00:00Z");
        assertThat(moved.publication().jobId()).isNull();
        assertThat(queue.find(ws, secondJob).orElseThrow().state()).isEqualTo(JobState.CANCELLED);

        clock.set(Instant.parse("2030-01-08T18:00:00Z"));
        var again = tick.tick(ws, false, ACTOR);
        assertThat(again.logIds()).containsExactly(String.valueOf(second));
        assertThat(lifecycle.get(ws, second).jobId()).isNotEqualTo(secondJob);
    }

    private long schedule(String when) {
        var outcome = scheduling.schedule(ws, request(PublishingFixtures.clip(jdbc, ws), when), ACTOR);
        return ((ScheduleOutcome.Scheduled) outcome).publication().id();
    }

    private ScheduleRequest request(long clip, String when) {
        return new ScheduleRequest(String.valueOf(clip), null, Platform.TIKTOK, String.valueOf(account),
                When.parse(when), null, "manual", null, null);
    }

    @Test
    void concurrentOrchestratorClaimsHandOutEachPublicationOnceAndNoMoreThanTheBudget() throws Exception {
        long external = accounts.create(ws, Platform.TIKTOK, new AccountChanges("ext", Map.of(), ZoneId.of("UTC"),
                null, null, null, null), ACTOR).id();
        rules.propose(ws, Map.of("tiktok", new RuleInput(0, 24, 0)), ACTOR);
        List<Long> due = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            due.add(externalPost(external, Platform.TIKTOK, "2030-01-07T09:00:00Z"));
        }
        clock.set(Instant.parse("2030-01-07T10:00:00Z"));
        assertThat(tick.tick(ws, false, ACTOR).moved()).isEqualTo(20);
        var pool = Executors.newFixedThreadPool(6);
        var start = new CountDownLatch(1);
        List<Long> handed = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Void>> callers = Collections.nCopies(6, () -> {
            start.await();
            for (var c = orchestrator.next(ws, null, Duration.ofMinutes(5), ACTOR); c.isPresent();
                 c = orchestrator.next(ws, null, Duration.ofMinutes(5), ACTOR)) {
                handed.add(c.get().publication().id());
            }
            return null;
        });
        var futures = callers.stream().map(pool::submit).toList();
        start.countDown();
        for (var f : futures) {
            f.get();
        }
        pool.shutdown();
        // TikTok's budget is 15 posts in 24 h: six racing callers took exactly 15, each once; 5 stay due
        assertThat(handed).hasSize(15).doesNotHaveDuplicates().isSubsetOf(due);
        assertThat(due.stream().filter(id -> !handed.contains(id))
                .map(id -> lifecycle.get(ws, id).state())).containsOnly(PublicationState.PENDING).hasSize(5);
        // an expired lease hands a post out again, once: it is already counted, so the budget does not stop it
        clock.set(Instant.parse("2030-01-07T10:06:00Z"));
        var again = orchestrator.next(ws, null, Duration.ofMinutes(5), ACTOR);
        assertThat(again).isPresent();
        assertThat(handed).contains(again.get().publication().id());
    }

    @Test
    void nextSkipsAnAccountWhoseBudgetIsUsedAndHandsOutTheNextEligibleOne() {
        long full = accounts.create(ws, Platform.INSTAGRAM, new AccountChanges("busy", Map.of(), ZoneId.of("UTC"),
                null, null, null, null), ACTOR).id();
        long other = accounts.create(ws, Platform.INSTAGRAM, new AccountChanges("quiet", Map.of(), ZoneId.of("UTC"),
                null, null, null, null), ACTOR).id();
        rules.propose(ws, Map.of("instagram", new RuleInput(0, 24, 0)), ACTOR);
        long first = externalPost(full, Platform.INSTAGRAM, "2030-01-07T09:00:00Z");
        long second = externalPost(full, Platform.INSTAGRAM, "2030-01-07T09:01:00Z");
        long third = externalPost(full, Platform.INSTAGRAM, "2030-01-07T09:02:00Z");
        long elsewhere = externalPost(other, Platform.INSTAGRAM, "2030-01-07T09:30:00Z");
        clock.set(Instant.parse("2030-01-07T10:00:00Z"));
        assertThat(tick.tick(ws, false, ACTOR).moved()).isEqualTo(4);

        // claims count while in flight: two claimed posts use the budget of 2
        assertThat(claim()).isEqualTo(first);
        assertThat(claim()).isEqualTo(second);
        assertThat(claim()).as("the third post of @busy is skipped for @quiet's").isEqualTo(elsewhere);
        assertThat(orchestrator.next(ws, null, Duration.ofMinutes(5), ACTOR)).isEmpty();
        assertThat(lifecycle.get(ws, third).state()).isEqualTo(PublicationState.PENDING); // left due, not failed

        // reported posts count for 24 h from the report
        clock.set(Instant.parse("2030-01-07T11:00:00Z"));
        orchestrator.posted(ws, first, "m1", "https://instagram.com/p/1", null, ACTOR);
        orchestrator.posted(ws, second, "m2", "https://instagram.com/p/2", null, ACTOR);
        orchestrator.posted(ws, elsewhere, "m3", "https://instagram.com/p/3", null, ACTOR);
        clock.set(Instant.parse("2030-01-08T10:59:00Z"));
        assertThat(orchestrator.next(ws, Platform.INSTAGRAM, Duration.ofMinutes(5), ACTOR)).isEmpty();
        clock.set(Instant.parse("2030-01-08T11:00:01Z"));
        assertThat(claim()).isEqualTo(third);
    }

    private long claim() {
        return orchestrator.next(ws, null, Duration.ofMinutes(5), ACTOR).orElseThrow().publication().id();
    }

    /** A due-able post for an orchestrator, with a rendered variant of the platform's format in storage. */
    private long externalPost(long accountId, Platform platform, String when) {
        var key = io.socialsync.storage.StorageKey.of("variants/contract-" + UUID.randomUUID() + ".mp4");
        storage.put(key, new java.io.ByteArrayInputStream(new byte[64]), 64, "video/mp4");
        long clip = PublishingFixtures.clip(jdbc, ws);
        long variant = PublishingFixtures.variant(jdbc, ws, clip);
        jdbc.sql("UPDATE variants SET format = ?, storage_key = ? WHERE id = ?")
                .params(platform.wire(), key.value(), variant).update();
        var outcome = scheduling.schedule(ws, new ScheduleRequest(String.valueOf(clip), null, platform,
                String.valueOf(accountId), When.parse(when), null, "manual", null, null, "external"), ACTOR);
        return ((ScheduleOutcome.Scheduled) outcome).publication().id();
    }

    @Test
    void concurrentBatchesOverTheSameAccountsInOppositeOrdersNeitherDeadlockNorShareASlot() throws Exception {
        long second = accounts.create(ws, Platform.TIKTOK, new AccountChanges("h2", Map.of(),
                ZoneId.of("Europe/Madrid"), "token", null, null, null), ACTOR).id();
        int batches = 6;
        int perAccount = 3;
        List<List<ScheduleRequest>> all = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            List<ScheduleRequest> items = new ArrayList<>();
            for (int i = 0; i < perAccount; i++) {
                long[] order = b % 2 == 0 ? new long[] {account, second} : new long[] {second, account};
                for (long a : order) {
                    items.add(new ScheduleRequest(String.valueOf(PublishingFixtures.clip(jdbc, ws)), null,
                            Platform.TIKTOK, String.valueOf(a), When.parse("2030-01-07T20:00:00+01:00"), null,
                            "manual", null, null));
                }
            }
            all.add(items);
        }
        var pool = Executors.newFixedThreadPool(batches);
        var start = new CountDownLatch(1);
        var futures = all.stream().map(items -> pool.submit(() -> {
            start.await();
            return scheduling.scheduleAll(ws, items, ACTOR);
        })).toList();
        start.countDown();
        Map<Long, List<Instant>> slots = new java.util.HashMap<>();
        for (var f : futures) {
            for (var outcome : f.get()) {
                var p = ((ScheduleOutcome.Scheduled) outcome).publication();
                slots.computeIfAbsent(p.socialAccountId(), k -> new ArrayList<>()).add(p.scheduledFor());
            }
        }
        pool.shutdown();
        for (var accountSlots : slots.values()) {
            var sorted = accountSlots.stream().sorted().toList();
            assertThat(sorted).hasSize(batches * perAccount);
            for (int i = 1; i < sorted.size(); i++) {
                assertThat(Duration.between(sorted.get(i - 1), sorted.get(i))).isGreaterThanOrEqualTo(
                        Duration.ofMinutes(30));
            }
        }
    }
}
