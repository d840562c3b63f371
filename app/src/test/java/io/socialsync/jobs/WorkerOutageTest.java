package io.socialsync.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.socialsync.config.SocialSyncProperties;
import io.socialsync.jobs.handlers.NoopHandler;
import io.socialsync.ledger.Actor;
import io.socialsync.support.DatabaseTest;
import io.socialsync.support.Eventually;
import io.socialsync.support.MutableClock;
import io.socialsync.support.ServerTest;
import io.socialsync.support.TestDatabases;
import io.socialsync.workspace.Workspaces;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database goes away under a worker and comes back: an embedded PostgreSQL on a port and data directory of its
 * own, which this test stops (a fast shutdown: connections are cut) and starts again. The worker
 * keeps polling with a bounded, jittered backoff, says so once, reports DOWN meanwhile, and claims again after.
 * The test drives the poller's rounds itself ({@link Workers#pollOnce}) on a clock it moves: no waiting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "socialsync.roles.workers=false", "socialsync.roles.scheduler=false",
        // a missing database fails a connection request within a second instead of after Hikari's 30 s
        "spring.datasource.hikari.connection-timeout=1000"})
class WorkerOutageTest {
    static final Path DIR = TestDatabases.tempDir("outage-test");
    static final int PORT = ServerTest.freePort();
    static EmbeddedPostgres postgres = startPostgres();
    @Autowired JobQueue queue;
    @Autowired JobKinds kinds;
    @Autowired JobRunner runner;
    @Autowired SocialSyncProperties properties;
    @Autowired Workspaces workspaces;
    @Autowired javax.sql.DataSource dataSource;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DatabaseTest.register(registry, new TestDatabases.Db("jdbc:postgresql://localhost:" + PORT + "/postgres",
                "postgres", "postgres"), DIR);
    }

    static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder().setDataDirectory(DIR.resolve("pgdata")).setCleanDataDirectory(false)
                    .setPort(PORT).setOutputRedirector(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void stopPostgres() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        stopPostgres();
    }

    @Test
    void aWorkerOutlivesItsDatabaseBacksOffReportsDownAndClaimsAgainWhenItReturns() {
        var clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
        var outage = new QueueOutage(clock);
        var health = new WorkersHealth(outage);
        var workers = new Workers(queue, kinds, runner, properties, outage);
        var logged = new ListAppender<ILoggingEvent>();
        logged.start();
        var logger = (Logger) LoggerFactory.getLogger(QueueOutage.class);
        logger.addAppender(logged);
        try {
            long ws = workspaces.create("outage-" + UUID.randomUUID()).id();
            long before = enqueueNoop(ws);
            assertThat(workers.pollOnce()).isZero();
            awaitCompleted(ws, before);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);

            stopPostgres();
            Duration first = workers.pollOnce();
            assertThat(first).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.health().getDetails()).containsEntry("since", "2026-12-07T10:00:00Z")
                    .containsEntry("failed_attempts", 1).containsEntry("cause", "database unreachable");
            clock.advance(first);
            Duration second = workers.pollOnce();
            assertThat(second).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
            for (int i = 0; i < 6; i++) {
                clock.advance(second);
                second = workers.pollOnce();
            }
            // 1 s doubling: the eighth wait would be 128 s, it is capped at 30 (jitter: half to all of it)
            assertThat(second).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
            assertThat(health.health().getDetails()).containsEntry("failed_attempts", 8);
            assertThat(logged.list).singleElement().satisfies(e -> {
                assertThat(e.getLevel()).isEqualTo(Level.WARN);
                assertThat(e.getFormattedMessage()).startsWith("Workers cannot reach the job queue's database");
            });

            postgres = startPostgres();
            Eventually.await("the pool connects again", Duration.ofSeconds(60), this::answers);
            clock.advance(Duration.ofSeconds(20));
            long after = enqueueNoop(ws);
            assertThat(workers.pollOnce()).isZero();
            awaitCompleted(ws, after);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(logged.list).hasSize(2).last().satisfies(e -> {
                assertThat(e.getLevel()).isEqualTo(Level.INFO);
                assertThat(e.getFormattedMessage()).contains("again after", "(8 failed attempts)");
            });
            assertThat(workers.pollOnce()).isEqualTo(properties.jobs().pollInterval());
            assertThat(logged.list).hasSize(2);
        } finally {
            logger.detachAppender(logged);
        }
    }

    private boolean answers() {
        try (var c = dataSource.getConnection(); var st = c.createStatement()) {
            return st.execute("SELECT 1");
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    private long enqueueNoop(long ws) {
        return queue.enqueue(JobRequest.of(ws, NoopHandler.KIND, Map.of()), Actor.SYSTEM).job().id();
    }

    private void awaitCompleted(long ws, long id) {
        Eventually.await("job " + id + " completed", Duration.ofSeconds(30),
                () -> queue.find(ws, id).orElseThrow().state() == JobState.COMPLETED);
    }
}
