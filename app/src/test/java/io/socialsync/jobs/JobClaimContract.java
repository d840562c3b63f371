package io.socialsync.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.SocialSyncApplication;
import io.socialsync.jobs.handlers.NoopHandler;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.LedgerVerifier;
import io.socialsync.support.TestDatabases;
import io.socialsync.workspace.Workspaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The claim and completion paths of {@link JobQueue} against a real database (H2 and PostgreSQL subclasses):
 * claim order across the waiting states, no job handed out twice under concurrent claims, fenced batch
 * completion (directly and through the node's {@link BatchCompleter}), and a ledger that verifies after batched
 * appends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JobClaimContract {
    private static final List<String> NOOP = List.of(NoopHandler.KIND);
    private static final Duration LEASE = Duration.ofMinutes(5);
    private Path dir;
    private ConfigurableApplicationContext context;
    private JobQueue queue;
    private JdbcClient jdbc;
    private long workspace;
    private int workspaces;

    /** A fresh database; {@code dir} is this class's temporary directory. */
    abstract TestDatabases.Db database(Path dir);

    /** The application running on this class's database. */
    ConfigurableApplicationContext context() {
        return context;
    }

    @BeforeAll
    void start() throws IOException {
        dir = Files.createTempDirectory("socialsync-claim-test-");
        var db = database(dir);
        context = new SpringApplicationBuilder(SocialSyncApplication.class).web(WebApplicationType.NONE)
                .logStartupInfo(false).run("--spring.datasource.url=" + db.url(), "--spring.datasource.username="
                        + db.user(), "--spring.datasource.password=" + db.password(),
                        "--socialsync.data-dir=" + dir.resolve("data"), "--socialsync.secret-key=" + TestDatabases.SECRET_KEY,
                        "--socialsync.roles.workers=false",
                        "--socialsync.roles.scheduler=false", "--logging.level.root=WARN");
        queue = context.getBean(JobQueue.class);
        jdbc = context.getBean(JdbcClient.class);
    }

    @AfterAll
    void stop() throws IOException {
        if (context != null) {
            context.close();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @BeforeEach
    void emptyQueue() {
        // every test starts with no waiting job: earlier tests' leftovers are finished off
        jdbc.sql("UPDATE jobs SET state = 'CANCELLED' WHERE state IN ('AVAILABLE', 'SCHEDULED', 'RETRYABLE')").update();
        workspace = context.getBean(Workspaces.class).create("claims-" + workspaces++).id();
    }

    private long enqueue(int priority) {
        return queue.enqueue(new JobRequest(workspace, NoopHandler.KIND, Map.of(), priority, null, null, null),
                Actor.SYSTEM).job().id();
    }

    private void set(long id, String state, long runAtSecondsFromNow) {
        var runAt = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(runAtSecondsFromNow);
        jdbc.sql("UPDATE jobs SET state = ?, run_at = ? WHERE id = ?").params(state, runAt, id).update();
    }

    private List<Long> claimIds(int limit) {
        return queue.claim("test-worker", NOOP, limit, LEASE).stream().map(Job.Claimed::id).toList();
    }

    @Test
    void claimsTheBestDueJobsAcrossWaitingStatesInPriorityThenRunAtOrder() {
        long available0 = enqueue(0);
        long scheduled0 = enqueue(0);
        long retryable5 = enqueue(5);
        long available5 = enqueue(5);
        long scheduledLater = enqueue(9);
        long retryable1 = enqueue(1);
        set(available0, "AVAILABLE", -50);
        set(scheduled0, "SCHEDULED", -60);
        set(retryable5, "RETRYABLE", -10);
        set(available5, "AVAILABLE", -5);
        set(scheduledLater, "SCHEDULED", 3600);
        set(retryable1, "RETRYABLE", -1);

        assertThat(claimIds(3)).containsExactly(retryable5, available5, retryable1);
        assertThat(claimIds(10)).containsExactly(scheduled0, available0);
        assertThat(claimIds(10)).isEmpty();
    }

    @Test
    void concurrentWorkersNeverClaimTheSameJobAndEveryJobCompletesOnce() throws InterruptedException {
        int jobs = 300;
        for (int i = 0; i < jobs; i++) {
            enqueue(i % 3);
        }
        var claimedBy = new ConcurrentHashMap<Long, String>();
        var duplicates = Collections.synchronizedList(new ArrayList<Long>());
        var failures = Collections.synchronizedList(new ArrayList<Throwable>());
        var threads = new ArrayList<Thread>();
        for (int w = 0; w < 6; w++) {
            String worker = "worker-" + w;
            boolean batch = w % 2 == 0;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int empty = 0; empty < 20; ) {
                        var claimed = queue.claim(worker, NOOP, 7, LEASE);
                        if (claimed.isEmpty()) {
                            empty++;
                            Thread.sleep(5);
                            continue;
                        }
                        for (var c : claimed) {
                            if (claimedBy.putIfAbsent(c.id(), c.leaseToken()) != null) {
                                duplicates.add(c.id());
                            }
                        }
                        if (batch) {
                            assertThat(queue.completeAll(claimed.stream()
                                    .map(c -> new JobQueue.Completion(c, Map.of("ok", true))).toList(), worker))
                                    .containsOnly(true);
                        } else {
                            for (var c : claimed) {
                                assertThat(queue.complete(c, Map.of("ok", true), worker)).isTrue();
                            }
                        }
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failures).isEmpty();
        assertThat(duplicates).isEmpty();
        assertThat(claimedBy).hasSize(jobs);
        long ws = workspace;
        assertThat(count("SELECT COUNT(*) FROM jobs WHERE workspace_id = ? AND state = 'COMPLETED' AND attempt = 1 "
                + "AND result IS NOT NULL AND progress_percent = 100 AND lease_token IS NULL", ws)).isEqualTo(jobs);
        assertThat(count("SELECT COUNT(*) FROM job_attempts a JOIN jobs j ON j.id = a.job_id WHERE j.workspace_id = ? "
                + "AND a.outcome = 'COMPLETED' AND a.finished_at IS NOT NULL", ws)).isEqualTo(jobs);
        for (String type : List.of("job_created", "job_started", "job_completed")) {
            assertThat(count("SELECT COUNT(DISTINCT job_id) FROM ledger_events WHERE workspace_id = ? AND event_type = '"
                    + type + "'", ws)).as(type).isEqualTo(jobs);
            assertThat(count("SELECT COUNT(*) FROM ledger_events WHERE workspace_id = ? AND event_type = '"
                    + type + "'", ws)).as(type).isEqualTo(jobs);
        }
        assertThat(context.getBean(LedgerVerifier.class).verify()).isInstanceOf(LedgerVerifier.Result.Intact.class);
    }

    @Test
    void batchCompletionIsFencedPerJob() {
        enqueue(0);
        enqueue(0);
        enqueue(0);
        var claimed = queue.claim("fenced", NOOP, 3, LEASE);
        assertThat(claimed).hasSize(3);
        assertThat(queue.complete(claimed.get(1), null, "fenced")).isTrue();

        var done = queue.completeAll(claimed.stream().map(c -> new JobQueue.Completion(c, null)).toList(), "fenced");

        assertThat(done).containsExactly(true, false, true);
        for (var c : claimed) {
            assertThat(count("SELECT COUNT(*) FROM ledger_events WHERE job_id = ? AND event_type = 'job_completed'",
                    c.id())).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM job_attempts WHERE job_id = ? AND outcome = 'COMPLETED'", c.id()))
                    .isEqualTo(1);
        }
        assertThat(context.getBean(LedgerVerifier.class).verify()).isInstanceOf(LedgerVerifier.Result.Intact.class);
    }

    @Test
    void theBatchCompleterRecordsJobsHandedOverFromManyThreadsEachFencedByItsOwnLease() throws Exception {
        for (int i = 0; i < 30; i++) {
            enqueue(0);
        }
        var claimed = new ArrayList<Job.Claimed>();
        for (int i = 0; i < 3; i++) { // three claims: three lease tokens in one flush
            claimed.addAll(queue.claim("completer", NOOP, 10, LEASE));
        }
        assertThat(claimed).hasSize(30);
        var lost = claimed.get(7);
        assertThat(queue.complete(lost, null, "elsewhere")).isTrue(); // its lease is gone before the hand-over

        var completer = context.getBean(BatchCompleter.class);
        var futures = new ArrayList<java.util.concurrent.CompletableFuture<Boolean>>();
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < claimed.size(); i++) {
            var c = claimed.get(i);
            Object result = i % 2 == 0 ? Map.of("n", i) : null;
            var future = new java.util.concurrent.CompletableFuture<Boolean>();
            futures.add(future);
            threads.add(Thread.ofVirtual().start(() -> future.complete(completer.complete(c, result, "completer")
                    .join())));
        }
        for (Thread t : threads) {
            t.join();
        }

        for (int i = 0; i < claimed.size(); i++) {
            var c = claimed.get(i);
            assertThat(futures.get(i).get()).as("job %d", i).isEqualTo(c != lost);
            assertThat(count("SELECT COUNT(*) FROM ledger_events WHERE job_id = ? AND event_type = 'job_completed'",
                    c.id())).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM job_attempts WHERE job_id = ? AND outcome = 'COMPLETED'", c.id()))
                    .isEqualTo(1);
            if (c != lost) {
                String stored = jdbc.sql("SELECT result FROM jobs WHERE id = ?").param(c.id()).query(String.class)
                        .optional().orElse(null);
                assertThat(stored).as("result of job %d", i).isEqualTo(i % 2 == 0 ? "{\"n\":" + i + "}" : null);
            }
        }
        assertThat(count("SELECT COUNT(*) FROM jobs WHERE workspace_id = ? AND state = 'COMPLETED' "
                + "AND lease_token IS NULL", workspace)).isGreaterThanOrEqualTo(30);
        assertThat(context.getBean(LedgerVerifier.class).verify()).isInstanceOf(LedgerVerifier.Result.Intact.class);
    }

    private long count(String sql, long param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }
}
