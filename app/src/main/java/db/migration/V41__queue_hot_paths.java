package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fewer index writes per job on PostgreSQL (H2 has neither partial indexes nor fillfactor: nothing to do there).
 * <ul>
 * <li>The idempotency key's unique index becomes partial: most jobs have no key, yet every row version of every job
 * (insert, claim, completion: the state is indexed, so no update is HOT) added an entry for (workspace, NULL). The
 * key look-up ({@code idempotency_key = ?}) implies the predicate, so it still uses the index, and a second job with
 * the same key still fails with the same unique violation.</li>
 * <li>job_attempts keeps a fifth of each page free: an attempt is inserted at the claim and closed (finished_at,
 * outcome: no indexed column) at the end, and with room on its page that close is a HOT update, which writes no
 * index entry at all. It applies to pages written from now on.</li>
 * </ul>
 */
public class V41__queue_hot_paths extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
            return;
        }
        try (var statement = connection.createStatement()) {
            statement.execute("ALTER TABLE jobs DROP CONSTRAINT jobs_idempotency");
            statement.execute("CREATE UNIQUE INDEX jobs_idempotency ON jobs (workspace_id, idempotency_key) "
                    + "WHERE idempotency_key IS NOT NULL");
            statement.execute("ALTER TABLE job_attempts SET (fillfactor = 80)");
        }
    }
}
