package io.socialsync.db;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Leases and due times are computed from the database's clock, never a JVM's: nodes' clocks drift, the
 * database's is the one they share. The only SQL that differs between H2 and PostgreSQL is "now plus N ms".
 */
@Component
public class DbTime {
    private final boolean postgres;

    public DbTime(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
    }

    /** SQL for CURRENT_TIMESTAMP plus the milliseconds bound to the named parameter. */
    public String nowPlusMillis(String parameter) {
        return postgres
                ? "(CURRENT_TIMESTAMP + :" + parameter + " * INTERVAL '1 millisecond')"
                : "DATEADD(MILLISECOND, :" + parameter + ", CURRENT_TIMESTAMP)";
    }

    public boolean postgres() {
        return postgres;
    }
}
