package io.socialsync.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.jobs.testing.BlockingHandler;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.LedgerEvents;
import io.socialsync.ledger.LedgerQuery;
import io.socialsync.ledger.LedgerVerifier;
import io.socialsync.support.DatabaseTest;
import io.socialsync.support.Eventually;
import io.socialsync.support.TestDatabases;
import io.socialsync.workspace.Workspaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Real worker processes on a shared PostgreSQL: one is killed with SIGKILL (or frozen with SIGSTOP) in the
 * middle of a job; another finishes the job exactly once after the lease expires, and the frozen one's late
 * result is rejected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "socialsync.roles.workers=false", "socialsync.roles.scheduler=false"})
class WorkerCrashTest {
    static final Path DIR = TestDatabases.tempDir("crash-test");
    static final TestDatabases.Db DB = TestDatabases.freshPostgres();
    final List<Process> workers = new ArrayList<>();
    @Autowired JobQueue queue;
    @Autowired Workspaces workspaces;
    @Autowired LedgerEvents ledger;
    @Autowired LedgerVerifier verifier;
    @TempDir Path markers;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DatabaseTest.register(registry, DB, DIR);
    }

    @AfterEach
    void stopWorkers() {
        workers.forEach(p -> p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly));
        workers.forEach(Process::destroyForcibly);
    }

    @Test
    void aKilledWorkersJobCompletesExactlyOnceOnAnotherWorker() throws Exception {
        long ws = workspaces.create("crash-" + UUID.randomUUID()).id();
        Process doomed = startWorker("doomed");
        long jobId = enqueue(ws);
        Eventually.await("the doomed worker to start the job", Duration.ofSeconds(60),
                () -> Files.exists(markers.resolve("started-doomed")));

        doomed.destroyForcibly().waitFor();
        Files.createFile(markers.resolve("release"));
        startWorker("survivor");

        awaitCompleted(ws, jobId);
        assertCompletedOnceBy(ws, jobId, "survivor", "LEASE_EXPIRED");
    }

    @Test
    void aFrozenWorkerThatWakesUpLateCannotOverwriteTheReclaimedJob() throws Exception {
        long ws = workspaces.create("zombie-" + UUID.randomUUID()).id();
        Process zombie = startWorker("zombie");
        long jobId = enqueue(ws);
        Eventually.await("the zombie worker to start the job", Duration.ofSeconds(60),
                () -> Files.exists(markers.resolve("started-zombie")));

        signal(zombie, "STOP");
        Files.createFile(markers.resolve("release"));
        startWorker("survivor");
        awaitCompleted(ws, jobId);

        signal(zombie, "CONT");
        Eventually.await("the zombie's handler to return", Duration.ofSeconds(30),
                () -> Files.exists(markers.resolve("returned-zombie")));
        Eventually.await("the zombie to give up its result", Duration.ofSeconds(30),
                () -> output("zombie").contains("discarded"));
        assertCompletedOnceBy(ws, jobId, "survivor", "LEASE_EXPIRED");
    }

    private long enqueue(long ws) {
        return queue.enqueue(JobRequest.of(ws, BlockingHandler.KIND, Map.of("dir", markers.toString())),
                Actor.SYSTEM).job().id();
    }

    private void awaitCompleted(long ws, long jobId) {
        Eventually.await("job " + jobId + " to complete", Duration.ofSeconds(90),
                () -> queue.find(ws, jobId).orElseThrow().state() == JobState.COMPLETED);
    }

    private void assertCompletedOnceBy(long ws, long jobId, String worker, String firstOutcome) {
        Job job = queue.find(ws, jobId).orElseThrow();
        assertThat(job.result()).contains("\"worker\":\"" + worker + "\"");
        assertThat(queue.attempts(ws, jobId)).extracting(Job.Attempt::outcome)
                .containsExactly(firstOutcome, "COMPLETED");
        var completions = ledger.page(new LedgerQuery(ws, "job", Long.toString(jobId), "job_completed", null, null,
                null, 10));
        assertThat(completions).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("worker:" + worker));
        assertThat(verifier.verify()).isInstanceOf(LedgerVerifier.Result.Intact.class);
    }

    private Process startWorker(String name) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = List.of(java, "-Xmx256m", "-Dsocialsync.jobs.worker-name=" + name,
                "-Dsocialsync.jobs.lease=2s", "-Dsocialsync.jobs.reaper-interval=300ms",
                "-Dsocialsync.jobs.poll-interval=100ms", "-Dsocialsync.jobs.kinds=" + BlockingHandler.KIND,
                "-cp", System.getProperty("java.class.path"), "io.socialsync.cli.SocialSync", "worker");
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(markers.resolve("worker-" + name + ".log").toFile());
        builder.environment().put("SOCIALSYNC_DB_URL", DB.url());
        builder.environment().put("SOCIALSYNC_DB_USER", DB.user());
        builder.environment().put("SOCIALSYNC_DB_PASSWORD", DB.password());
        builder.environment().put("SOCIALSYNC_DATA_DIR", DIR.toString());
        builder.environment().put("SOCIALSYNC_SECRET_KEY", TestDatabases.SECRET_KEY);
        Process process = builder.start();
        workers.add(process);
        return process;
    }

    private String output(String name) {
        try {
            return Files.readString(markers.resolve("worker-" + name + ".log"));
        } catch (IOException e) {
            return "";
        }
    }

    private static void signal(Process process, String signal) throws Exception {
        int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
        assertThat(exit).isZero();
    }
}
