package io.socialsync.node;

import io.socialsync.db.ConnectionFailures;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A node started before its database (a host booting, PostgreSQL restarting) waits for it, up to
 * {@code SOCIALSYNC_DB_STARTUP_WAIT}, before Flyway and the rest of the context need it: it exited at once with
 * a stack trace, and a supervisor without restarts left it down. Only an unreachable database is waited for
 * (SQLState class 08, PostgreSQL's "starting up", H2's broken connection); wrong credentials or an H2 file held by
 * another process fail at once. Logged once when the wait starts and once when it ends.
 */
public final class DatabaseStartupWait implements BeanPostProcessor {
    private static final Logger log = LoggerFactory.getLogger(DatabaseStartupWait.class);
    private static final Duration FIRST = Duration.ofMillis(250);
    private static final Duration MOST = Duration.ofSeconds(5);
    private final Duration limit;
    private final Clock clock;
    private final Sleeper sleeper;

    /** Waits between attempts; a test's own one starts the database instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration pause) throws InterruptedException;
    }

    public DatabaseStartupWait(Duration limit, Clock clock, Sleeper sleeper) {
        this.limit = limit;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public DatabaseStartupWait(Duration limit) {
        this(limit, Clock.systemUTC(), pause -> Thread.sleep(pause));
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof DataSource dataSource) {
            await(dataSource);
        }
        return bean;
    }

    /** Returns once a connection opens; throws {@link DatabaseUnreachable} when the limit passes first. */
    public void await(DataSource dataSource) {
        Instant start = clock.instant();
        Duration pause = FIRST;
        boolean waiting = false;
        while (true) {
            var unreachable = attempt(dataSource);
            if (unreachable.isEmpty()) {
                if (waiting) {
                    log.info("Database reachable after {} s; starting", Duration.between(start, clock.instant())
                            .toMillis() / 1000.0);
                }
                return;
            }
            Duration waited = Duration.between(start, clock.instant());
            if (waited.compareTo(limit) >= 0) {
                throw new DatabaseUnreachable("database not reachable after " + limit.toSeconds()
                        + " s (SOCIALSYNC_DB_STARTUP_WAIT): " + unreachable.get());
            }
            if (!waiting) {
                log.warn("Database not reachable ({}); waiting up to {} s for it (SOCIALSYNC_DB_STARTUP_WAIT)",
                        unreachable.get(), limit.toSeconds());
                waiting = true;
            }
            try {
                sleeper.sleep(min(pause, limit.minus(waited)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DatabaseUnreachable("interrupted while waiting for the database: " + unreachable.get());
            }
            pause = min(pause.multipliedBy(2), MOST);
        }
    }

    /** Empty when a connection opened; the reason when the database is unreachable; throws for any other error. */
    private static Optional<String> attempt(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return Optional.empty();
        } catch (SQLException | RuntimeException e) {
            var unreachable = ConnectionFailures.sqlCause(e);
            if (unreachable.isPresent()) {
                return Optional.of(oneLine(unreachable.get().getMessage()));
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
    }

    private static String oneLine(String message) {
        return message == null ? "no reason given" : message.replaceAll("\\s+", " ").trim();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The database did not answer within the startup wait: one sentence, no cause (the CLI prints the root's). */
    public static final class DatabaseUnreachable extends RuntimeException {
        public DatabaseUnreachable(String message) {
            super(message, null, false, false);
        }
    }

    /** Spring Boot reports the failure as that sentence, not a stack trace (META-INF/spring.factories). */
    public static final class Analyzer extends AbstractFailureAnalyzer<DatabaseUnreachable> {
        @Override
        protected FailureAnalysis analyze(Throwable root, DatabaseUnreachable cause) {
            return new FailureAnalysis(cause.getMessage(), "Start the database (SOCIALSYNC_DB_URL), or wait longer "
                    + "with SOCIALSYNC_DB_STARTUP_WAIT.", cause);
        }
    }
}
