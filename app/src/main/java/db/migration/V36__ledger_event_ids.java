package db.migration;

import java.sql.ResultSet;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The sequence that numbers ledger events once the chains no longer do, starting after the last id. In Java: the
 * one portable way to start a sequence at a computed value (PostgreSQL needs setval, which H2 lacks).
 */
public class V36__ledger_event_ids extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        try (var statement = context.getConnection().createStatement()) {
            long next;
            try (ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM ledger_events")) {
                rs.next();
                next = rs.getLong(1);
            }
            statement.execute("CREATE SEQUENCE ledger_event_ids START WITH " + next);
        }
    }
}
