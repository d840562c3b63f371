package io.socialsync.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.accounts.AccountChanges;
import io.socialsync.accounts.Platform;
import io.socialsync.accounts.SocialAccountService;
import io.socialsync.jobs.JobQueue;
import io.socialsync.jobs.JobState;
import io.socialsync.ledger.Actor;
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
 * The scheduler's locking against a real database, once per database by its subclasses: concurrent requests for
 * one account, concurrent ticks, and cancel/reschedule of a queued post. Workers and the automatic tick are off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "socialsync.roles.workers=false", "socialsync.roles.scheduler=false", "socialsync.roles.api=false",
        "socialsync.publishing.tick-batch=7"})
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
    void concurrentOrchestratorClaimsHandOutEachPublicationOnce() throws Exception {
        long external = accounts.create(ws, Platform.TIKTOK, new AccountChanges("ext", Map.of(), ZoneId.of("UTC"),
                null, null, null, null), ACTOR).id();
        rules.propose(ws, Map.of("tiktok", new RuleInput(0, 24, 0)), ACTOR);
        var key = io.socialsync.storage.StorageKey.of("variants/contract-" + UUID.randomUUID() + ".mp4");
        storage.put(key, new java.io.ByteArrayInputStream(new byte[64]), 64, "video/mp4");
        List<Long> due = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long clip = PublishingFixtures.clip(jdbc, ws);
            long variant = PublishingFixtures.variant(jdbc, ws, clip);
            jdbc.sql("UPDATE variants SET format = 'tiktok', storage_key = ? WHERE id = ?").params(key.value(), variant)
                    .update();
            var outcome = scheduling.schedule(ws, new ScheduleRequest(String.valueOf(clip), null, Platform.TIKTOK,
                    String.valueOf(external), When.parse("2030-01-07T09:00:00Z"), null, "manual", null, null), ACTOR);
            due.add(((ScheduleOutcome.Scheduled) outcome).publication().id());
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
        assertThat(handed).hasSize(20).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(due);
        // an expired lease hands it out again, once
        clock.set(Instant.parse("2030-01-07T10:06:00Z"));
        assertThat(orchestrator.next(ws, null, Duration.ofMinutes(5), ACTOR)).isPresent();
    }
}
