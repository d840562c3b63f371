package io.socialsync.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.socialsync.support.MutableClock;
import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.BadSqlGrammarException;

/** A claim the database answers with an error is told apart from one it is out of reach for (WorkerOutageTest). */
class QueueOutageTest {

    @Test
    void anErrorTheDatabaseAnswersIsReportedAsFailingClaimsWithItsTraceOnce() {
        var outage = new QueueOutage(new MutableClock(Instant.parse("2026-12-07T10:00:00Z")));
        var health = new WorkersHealth(outage);
        var logged = new ListAppender<ILoggingEvent>();
        logged.start();
        var logger = (Logger) LoggerFactory.getLogger(QueueOutage.class);
        logger.addAppender(logged);
        try {
            var broken = new BadSqlGrammarException("claim", "SELECT", new SQLException("no such column", "42703"));
            outage.unreachable(broken);
            outage.unreachable(broken);
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.health().getDetails()).containsEntry("cause", "claims fail")
                    .containsEntry("failed_attempts", 2);
            assertThat(logged.list).singleElement().satisfies(e -> {
                assertThat(e.getLevel()).isEqualTo(Level.ERROR);
                assertThat(e.getFormattedMessage()).startsWith("Workers' claims fail (");
                assertThat(e.getThrowableProxy()).isNotNull();
            });
        } finally {
            logger.detachAppender(logged);
        }
    }
}
