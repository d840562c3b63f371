package io.socialsync.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

/** Out of reach or answering with an error: the start's wait (DatabaseStartupWaitTest) and the workers' outage. */
class ConnectionFailuresTest {

    @Test
    void aConnectionThatCannotBeHadIsTheDatabaseUnreachable() {
        assertThat(ConnectionFailures.connectionLost(new CannotGetJdbcConnectionException("pool",
                new SQLException("x")))).isTrue();
        assertThat(ConnectionFailures.connectionLost(new UncategorizedSQLException("claim", "SELECT",
                new SQLException("I/O error", "08006")))).isTrue();
        assertThat(ConnectionFailures.connectionLost(new BadSqlGrammarException("claim", "SELECT",
                new SQLException("relation \"jobs\" does not exist", "42P01")))).isFalse();
        assertThat(ConnectionFailures.connectionLost(new IllegalStateException("unknown job state"))).isFalse();
    }
}
