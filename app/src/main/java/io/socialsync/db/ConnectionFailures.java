package io.socialsync.db;

import java.sql.SQLException;
import java.util.Optional;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether an error means the database could not be reached, as opposed to a database that answered with an error
 * (a bad query, wrong credentials, a held H2 file): the node's start waits for the first kind, workers back off
 * from it, and both report the second kind as what it is.
 */
public final class ConnectionFailures {
    private ConnectionFailures() {
    }

    /**
     * The SQL error in {@code e}'s causes that says the database is out of reach: SQLState class 08, PostgreSQL's
     * "cannot connect now" (57P03, starting up), H2's broken connection (90067, nothing listens on its TCP port).
     */
    public static Optional<SQLException> sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && unreachable(sql)) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    /**
     * Also what Spring makes of a lost connection: a resource failure, a transaction that could not begin or end
     * (a connection closed under it: what a database shutdown gives), or a JDBC connection exception.
     */
    public static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof CannotCreateTransactionException || t instanceof TransactionSystemException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
        }
        return sqlCause(e).isPresent();
    }

    private static boolean unreachable(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || state.equals("57P03") || e.getErrorCode() == 90067;
    }
}
