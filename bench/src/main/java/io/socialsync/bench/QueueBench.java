package io.socialsync.bench;

import io.socialsync.jobs.BatchCompleter;
import io.socialsync.jobs.Job;
import io.socialsync.jobs.JobQueue;
import io.socialsync.jobs.JobRequest;
import io.socialsync.jobs.handlers.NoopHandler;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.LedgerVerifier;
import io.socialsync.workspace.Workspaces;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queue throughput: no-op jobs per second through the real {@link JobQueue} bean, {@code claim} then
 * {@code complete} for each job, from N threads, on embedded PostgreSQL and on an H2 file. Every claim is
 * checked against every other (a job id handed out under two lease tokens is a double claim), and afterwards
 * the database is checked in SQL: every job COMPLETED after exactly one attempt, one job_started and one
 * job_completed ledger event per job, and an intact hash chain. The last line printed is the summary.
 */
public final class QueueBench {
    private static final List<String> KINDS = List.of(NoopHandler.KIND);
    private static final Map<String, Object> RESULT = Map.of("ok", true);
    private static final int ENQUEUE_PER_TRANSACTION = 500;

    private QueueBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions o;
        try {
            if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
                System.out.print(BenchOptions.USAGE);
                return;
            }
            o = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench/queue: " + e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        System.out.printf("queue bench: jobs=%d workers=%d batch=%d complete=%s warmup=%d rounds=%d lease=%ds cpus=%d "
                        + "java=%s load average %s%n", o.jobs(), o.workers(), o.batch(),
                o.complete(), o.warmup(), o.rounds(),
                o.lease().toSeconds(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                CpuUse.loadAverage());
        var results = new LinkedHashMap<String, DbResult>();
        for (String db : o.databases()) {
            try (BenchDatabase database = db.equals("pg") ? BenchDatabase.postgres(o.pgSynchronousCommit(), o.statements())
                    : BenchDatabase.h2()) {
                results.put(database.name, run(database, o));
            }
        }
        long doubleClaims = results.values().stream().mapToLong(DbResult::doubleClaims).sum();
        boolean verified = results.values().stream().allMatch(DbResult::verified);
        var summary = new StringBuilder("summary:");
        results.forEach((name, r) -> summary.append(' ').append(name).append('=').append(Math.round(r.median()))
                .append(" jobs/s"));
        summary.append(" double_claims=").append(doubleClaims).append(" verified=").append(verified ? "ok" : "FAILED");
        summary.append(" complete=").append(o.complete());
        System.out.println(summary);
        System.exit(verified && doubleClaims == 0 ? 0 : 1);
    }

    record DbResult(List<Double> rates, long doubleClaims, boolean verified) {
        double median() {
            var sorted = rates.stream().sorted().toList();
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
    }

    private static DbResult run(BenchDatabase db, BenchOptions o) throws Exception {
        long started = System.nanoTime();
        try (ConfigurableApplicationContext ctx = db.start(
                "--spring.datasource.hikari.maximum-pool-size=" + Math.max(16, o.workers() + 4))) {
            var queue = ctx.getBean(JobQueue.class);
            var completer = ctx.getBean(BatchCompleter.class);
            var jdbc = ctx.getBean(JdbcClient.class);
            var tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
            long workspace = ctx.getBean(Workspaces.class).create("bench").id();
            System.out.printf("%s: %s, context up in %.1fs%n", db.name, describe(db, jdbc),
                    (System.nanoTime() - started) / 1e9);

            var claims = new ConcurrentHashMap<Long, String>();
            long doubleClaims = 0;
            if (o.warmup() > 0) {
                enqueue(queue, tx, workspace, o.warmup());
                Drain warm = drain(queue, completer, o, o.warmup(), claims, db.pgData());
                doubleClaims += warm.doubleClaims;
                System.out.printf("%s: warmup %d jobs drained (%.0f jobs/s, not counted)%n", db.name, o.warmup(),
                        warm.rate());
            }
            WaitSampler sampler = o.sampleWaits() && db.isPostgres() ? new WaitSampler(db) : null;
            var rates = new ArrayList<Double>();
            try {
                for (int round = 1; round <= o.rounds(); round++) {
                    long t0 = System.nanoTime();
                    enqueue(queue, tx, workspace, o.jobs());
                    double enqueueSeconds = (System.nanoTime() - t0) / 1e9;
                    if (o.explain()) {
                        explainClaim(db, jdbc, tx, o.batch());
                    }
                    if (sampler != null) {
                        sampler.reset();
                    }
                    boolean statements = o.statements() && db.isPostgres();
                    if (statements) {
                        jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
                        jdbc.sql("SELECT pg_stat_statements_reset()").query().listOfRows();
                    }
                    Drain d = drain(queue, completer, o, o.jobs(), claims, db.pgData());
                    doubleClaims += d.doubleClaims;
                    rates.add(d.rate());
                    System.out.printf("%s: round %d: enqueue %d in %.2fs (%.0f/s, %d per transaction, not counted); "
                                    + "drain %.2fs = %.0f jobs/s; claim calls %d (%d empty), mean claim %.2f ms, "
                                    + "mean complete%s %.2f ms; double claims %d, lost completions %d, errors %d; cpu: %s%n",
                            db.name, round, o.jobs(), enqueueSeconds, o.jobs() / enqueueSeconds,
                            ENQUEUE_PER_TRANSACTION, d.seconds, d.rate(), d.claimCalls.sum(), d.emptyClaims.sum(),
                            d.claimMillis(), o.complete().equals("each") ? "" : " (per batch)", d.completeMillis(), d.doubleClaims, d.lost, d.errors, d.cpu);
                    if (d.firstError != null) {
                        System.out.printf("%s: first error: %s%n", db.name, d.firstError);
                    }
                    if (sampler != null) {
                        System.out.printf("%s: waits: %s%n", db.name, sampler.report());
                    }
                    if (statements) {
                        printStatements(db, jdbc, o.jobs());
                    }
                }
            } finally {
                if (sampler != null) {
                    sampler.close();
                }
            }
            long expected = (long) o.jobs() * o.rounds() + o.warmup();
            Verification v = verify(jdbc, ctx.getBean(LedgerVerifier.class), expected);
            System.out.printf("%s: verify: %s%n", db.name, v.text);
            var result = new DbResult(rates, doubleClaims + v.multiAttemptJobs, v.ok);
            System.out.printf("%s: %.0f jobs/s (median of %d round(s), range %.0f-%.0f), double claims %d, "
                            + "verification %s%n", db.name, result.median(), rates.size(),
                    rates.stream().mapToDouble(x -> x).min().orElse(0),
                    rates.stream().mapToDouble(x -> x).max().orElse(0), result.doubleClaims(),
                    v.ok ? "ok" : "FAILED");
            return result;
        }
    }

    private static String describe(BenchDatabase db, JdbcClient jdbc) {
        if (db.isPostgres()) {
            String version = jdbc.sql("SHOW server_version").query(String.class).single();
            String sync = jdbc.sql("SHOW synchronous_commit").query(String.class).single();
            String fsync = jdbc.sql("SHOW fsync").query(String.class).single();
            return "embedded PostgreSQL " + version + " on port " + db.postgresPort() + " (synchronous_commit="
                    + sync + ", fsync=" + fsync + ")";
        }
        String version = jdbc.sql("SELECT H2VERSION()").query(String.class).single();
        return "H2 " + version + " file " + db.dataDir;
    }

    /**
     * The claim query of JobRows.lockDue for AVAILABLE jobs, run once under EXPLAIN ANALYZE in a transaction
     * that is rolled back: on PostgreSQL the locking query, on H2 the unlocked candidate query.
     */
    private static void explainClaim(BenchDatabase db, JdbcClient jdbc, TransactionTemplate tx, int batch) {
        String claim = "SELECT id, priority, run_at FROM jobs WHERE state = 'AVAILABLE' AND kind = 'NOOP' "
                + "AND run_at <= CURRENT_TIMESTAMP ORDER BY state, kind, priority DESC, run_at, id LIMIT "
                + (db.isPostgres() ? batch + " FOR UPDATE SKIP LOCKED" : Math.max(16, batch * 4) + " OFFSET 0");
        String explain = db.isPostgres() ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ANALYZE ";
        tx.executeWithoutResult(status -> {
            List<String> plan = jdbc.sql(explain + claim).query((rs, n) -> rs.getString(1)).list();
            System.out.printf("%s: claim query plan:%n  %s%n", db.name, String.join("\n  ", plan));
            status.setRollbackOnly();
        });
    }

    /** The statements of the round by total execution time, server side (not counting network or waits for the JVM). */
    private static void printStatements(BenchDatabase db, JdbcClient jdbc, int jobs) {
        var rows = jdbc.sql("SELECT calls, total_exec_time, mean_exec_time, total_plan_time, query "
                + "FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%' "
                + "ORDER BY total_exec_time DESC LIMIT 15").query().listOfRows();
        double total = jdbc.sql("SELECT COALESCE(SUM(total_exec_time + total_plan_time), 0) FROM pg_stat_statements")
                .query(Double.class).single();
        long calls = jdbc.sql("SELECT COALESCE(SUM(calls), 0) FROM pg_stat_statements").query(Long.class).single();
        System.out.printf("%s: statements: %.2f calls per job, %.0f µs of execution per job in all; top by total time:%n",
                db.name, calls / (double) jobs, total * 1000 / jobs);
        for (var r : rows) {
            String q = String.valueOf(r.get("query")).replaceAll("\\s+", " ");
            System.out.printf("  %7d calls (%.2f/job) total %8.1f ms mean %6.3f ms plan %6.1f ms  %s%n",
                    ((Number) r.get("calls")).longValue(), ((Number) r.get("calls")).doubleValue() / jobs,
                    ((Number) r.get("total_exec_time")).doubleValue(), ((Number) r.get("mean_exec_time")).doubleValue(),
                    ((Number) r.get("total_plan_time")).doubleValue(), q.length() > 110 ? q.substring(0, 110) + "…" : q);
        }
    }

    /** Enqueues through the real {@code enqueue}, several per transaction (it joins the caller's). */
    private static void enqueue(JobQueue queue, TransactionTemplate tx, long workspace, int n) {
        var request = JobRequest.of(workspace, NoopHandler.KIND, Map.of());
        for (int done = 0; done < n; ) {
            int chunk = Math.min(ENQUEUE_PER_TRANSACTION, n - done);
            tx.executeWithoutResult(s -> {
                for (int i = 0; i < chunk; i++) {
                    queue.enqueue(request, Actor.SYSTEM);
                }
            });
            done += chunk;
        }
    }

    static final class Drain {
        final LongAdder claimCalls = new LongAdder();
        final LongAdder emptyClaims = new LongAdder();
        final LongAdder claimNanos = new LongAdder();
        final LongAdder completeCalls = new LongAdder();
        final LongAdder completeNanos = new LongAdder();
        final AtomicLong completed = new AtomicLong();
        final LongAdder lostAdder = new LongAdder();
        final LongAdder errorAdder = new LongAdder();
        final LongAdder doubleAdder = new LongAdder();
        final AtomicReference<String> error = new AtomicReference<>();
        long jobs;
        double seconds;
        long doubleClaims;
        long lost;
        long errors;
        String firstError;
        String cpu;

        double rate() {
            return jobs / seconds;
        }

        double claimMillis() {
            return claimCalls.sum() == 0 ? 0 : claimNanos.sum() / 1e6 / claimCalls.sum();
        }

        double completeMillis() {
            return completeCalls.sum() == 0 ? 0 : completeNanos.sum() / 1e6 / completeCalls.sum();
        }
    }

    /**
     * {@code workers} threads loop claim → complete until {@code n} jobs are completed (or, should completions
     * be lost, accounted for). The clock runs from the moment all threads are released until the last finishes.
     */
    private static Drain drain(JobQueue queue, BatchCompleter completer, BenchOptions o, int n, ConcurrentHashMap<Long, String> claims,
                               Path pgData)
            throws InterruptedException {
        var d = new Drain();
        d.jobs = n;
        long deadline = System.nanoTime() + o.timeout().toNanos();
        var ready = new CountDownLatch(o.workers());
        var go = new CountDownLatch(1);
        var threads = new ArrayList<Thread>();
        for (int w = 0; w < o.workers(); w++) {
            String worker = "bench-" + w;
            threads.add(Thread.ofPlatform().name("bench-worker-" + w).start(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                while (d.completed.get() + d.lostAdder.sum() < n && System.nanoTime() < deadline) {
                    try {
                        long t0 = System.nanoTime();
                        List<Job.Claimed> jobs = queue.claim(worker, KINDS, o.batch(), o.lease());
                        d.claimNanos.add(System.nanoTime() - t0);
                        d.claimCalls.increment();
                        if (jobs.isEmpty()) {
                            // the rest is held by other workers' claims in flight (skipped, not waited for)
                            d.emptyClaims.increment();
                            sleepQuietly();
                            continue;
                        }
                        for (Job.Claimed c : jobs) {
                            String earlier = claims.putIfAbsent(c.id(), c.leaseToken());
                            if (earlier != null) {
                                d.doubleAdder.increment();
                            }
                        }
                        if (o.completer()) {
                            // as the workers' job threads: each hands its job over, then waits for the flush
                            long t1 = System.nanoTime();
                            var futures = jobs.stream().map(c -> completer.complete(c, RESULT, worker)).toList();
                            for (var f : futures) {
                                count(d, f.join());
                            }
                            d.completeNanos.add(System.nanoTime() - t1);
                            d.completeCalls.increment();
                        } else if (o.batchComplete()) {
                            long t1 = System.nanoTime();
                            List<Boolean> done = queue.completeAll(
                                    jobs.stream().map(c -> new JobQueue.Completion(c, RESULT)).toList(), worker);
                            d.completeNanos.add(System.nanoTime() - t1);
                            d.completeCalls.increment();
                            for (boolean ok : done) {
                                count(d, ok);
                            }
                        } else {
                            for (Job.Claimed c : jobs) {
                                long t1 = System.nanoTime();
                                boolean ok = queue.complete(c, RESULT, worker);
                                d.completeNanos.add(System.nanoTime() - t1);
                                d.completeCalls.increment();
                                count(d, ok);
                            }
                        }
                    } catch (RuntimeException e) {
                        d.errorAdder.increment();
                        d.error.compareAndSet(null, e.toString());
                    }
                }
            }));
        }
        ready.await();
        var cpu = CpuUse.start(pgData);
        long start = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        d.seconds = (System.nanoTime() - start) / 1e9;
        d.cpu = cpu.stop(n);
        d.doubleClaims = d.doubleAdder.sum();
        d.lost = d.lostAdder.sum();
        d.errors = d.errorAdder.sum();
        d.firstError = d.error.get();
        if (d.completed.get() < n) {
            d.firstError = (d.firstError == null ? "" : d.firstError + "; ") + "only " + d.completed.get() + " of "
                    + n + " jobs completed before the timeout";
        }
        return d;
    }

    private static void count(Drain d, boolean completed) {
        if (completed) {
            d.completed.incrementAndGet();
        } else {
            d.lostAdder.increment();
        }
    }

    /** After an empty claim: a worker polls again shortly, it does not spin on the database. */
    private static void sleepQuietly() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Verification(boolean ok, long multiAttemptJobs, String text) {
    }

    /** After the run, in SQL: what the database says happened, independent of what the threads counted. */
    private static Verification verify(JdbcClient jdbc, LedgerVerifier ledger, long expected) {
        long jobs = count(jdbc, "SELECT COUNT(*) FROM jobs");
        long notCompleted = count(jdbc, "SELECT COUNT(*) FROM jobs WHERE state <> 'COMPLETED'");
        long notOneAttempt = count(jdbc, "SELECT COUNT(*) FROM jobs WHERE attempt <> 1");
        long attemptRows = count(jdbc, "SELECT COUNT(*) FROM job_attempts");
        long multiAttempt = count(jdbc, "SELECT COUNT(*) FROM (SELECT job_id FROM job_attempts GROUP BY job_id "
                + "HAVING COUNT(*) > 1) t");
        long noAttempt = count(jdbc, "SELECT COUNT(*) FROM jobs j WHERE NOT EXISTS "
                + "(SELECT 1 FROM job_attempts a WHERE a.job_id = j.id)");
        long openAttempts = count(jdbc, "SELECT COUNT(*) FROM job_attempts WHERE finished_at IS NULL "
                + "OR outcome IS NULL OR outcome <> 'COMPLETED'");
        long created = events(jdbc, "job_created");
        long started = events(jdbc, "job_started");
        long completed = events(jdbc, "job_completed");
        long startedJobs = count(jdbc, "SELECT COUNT(DISTINCT job_id) FROM ledger_events "
                + "WHERE event_type = 'job_started'");
        long completedJobs = count(jdbc, "SELECT COUNT(DISTINCT job_id) FROM ledger_events "
                + "WHERE event_type = 'job_completed'");
        long t0 = System.nanoTime();
        var chain = ledger.verify();
        double chainSeconds = (System.nanoTime() - t0) / 1e9;
        boolean intact = chain instanceof LedgerVerifier.Result.Intact;
        boolean ok = jobs == expected && notCompleted == 0 && notOneAttempt == 0 && attemptRows == expected
                && multiAttempt == 0 && noAttempt == 0 && openAttempts == 0 && created == expected
                && started == expected && completed == expected && startedJobs == expected
                && completedJobs == expected && intact;
        String text = String.format("jobs %d/%d, not COMPLETED %d, attempt<>1 %d, job_attempts rows %d "
                        + "(jobs with >1: %d, with none: %d, not closed as COMPLETED: %d), ledger job_created %d, "
                        + "job_started %d (%d jobs), job_completed %d (%d jobs), hash chain %s (%.1fs) -> %s",
                jobs, expected, notCompleted, notOneAttempt, attemptRows, multiAttempt, noAttempt, openAttempts,
                created, started, startedJobs, completed, completedJobs, chain, chainSeconds, ok ? "ok" : "FAILED");
        return new Verification(ok, multiAttempt, text);
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static long events(JdbcClient jdbc, String type) {
        return jdbc.sql("SELECT COUNT(*) FROM ledger_events WHERE event_type = ?").param(type).query(Long.class)
                .single();
    }
}
