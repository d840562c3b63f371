package io.socialsync.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.socialsync.support.MutableClock;
import io.socialsync.support.ServerTest;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A node whose database is not up yet waits for it: a real H2 TCP server that starts only after the first attempt
 * failed (the wait's pause starts it: no sleeping), and a clock the pauses advance for the limit.
 */
class DatabaseStartupWaitTest {
    private final int port = ServerTest.freePort();
    private final String database = "late-" + UUID.randomUUID(); // one per test: H2 keeps it for the JVM
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final List<Duration> pauses = new ArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private Server server;

    @AfterEach
    void close() throws Exception {
        for (var c : open.reversed()) {
            c.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    private HikariDataSource dataSource(String password) {
        var ds = new HikariDataSource();
        ds.setJdbcUrl("jdbc:h2:tcp://localhost:" + port + "/mem:" + database + ";DB_CLOSE_DELAY=-1");
        ds.setUsername("sa");
        ds.setPassword(password);
        open.add(ds);
        return ds;
    }

    private void startDatabase() throws SQLException {
        server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists").start();
    }

    @Test
    void aDatabaseThatStartsAfterTheNodeIsWaitedForAndThenUsed() throws SQLException {
        var ds = dataSource("");
        var wait = new DatabaseStartupWait(Duration.ofSeconds(60), clock, pause -> {
            pauses.add(pause);
            clock.advance(pause);
            if (server == null) {
                try {
                    startDatabase();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        });

        assertThat(wait.postProcessAfterInitialization(ds, "dataSource")).isSameAs(ds);

        assertThat(pauses).containsExactly(Duration.ofMillis(250));
        try (var c = ds.getConnection(); var rs = c.createStatement().executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
        }
    }

    @Test
    void aDatabaseThatNeverComesIsGivenUpOnAfterTheLimitInOneLineWithABoundedBackoff() {
        var wait = new DatabaseStartupWait(Duration.ofSeconds(20), clock, pause -> {
            pauses.add(pause);
            clock.advance(pause);
        });

        assertThatThrownBy(() -> wait.await(dataSource("")))
                .isInstanceOf(DatabaseStartupWait.DatabaseUnreachable.class)
                .hasNoCause()
                .hasMessageStartingWith("database not reachable after 20 s (SOCIALSYNC_DB_STARTUP_WAIT): ")
                .hasMessageNotContaining("\n");

        assertThat(pauses).startsWith(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(pauses).allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(Duration.ofSeconds(5)));
        assertThat(pauses.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aDatabaseThatAnswersButRefusesTheNodeFailsAtOnce() throws SQLException {
        startDatabase();
        try (var owner = dataSource("right").getConnection()) { // creates the database with this password
            var wait = new DatabaseStartupWait(Duration.ofSeconds(60), clock, pause -> pauses.add(pause));

            assertThatThrownBy(() -> wait.await(dataSource("wrong")))
                    .isNotInstanceOf(DatabaseStartupWait.DatabaseUnreachable.class);
            assertThat(pauses).isEmpty();
        }
    }
}
