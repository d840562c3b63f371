package io.socialsync.webhooks;

import static io.socialsync.db.Timestamps.instant;
import static io.socialsync.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** SQL over webhook_endpoints; every query is scoped by workspace. */
@Repository
public class WebhookEndpoints {
    private static final String COLUMNS = "id, workspace_id, url, secret, event_types, active, created_at";
    private final JdbcClient jdbc;

    public WebhookEndpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    WebhookEndpoint insert(long workspaceId, String url, String secret, List<String> eventTypes, Instant at) {
        forget();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO webhook_endpoints (workspace_id, url, secret, event_types, active, created_at) "
                        + "VALUES (?, ?, ?, ?, TRUE, ?)")
                .params(workspaceId, url, secret, String.join(",", eventTypes), utc(at))
                .update(keys, "id");
        return new WebhookEndpoint(keys.getKey().longValue(), workspaceId, url, secret, eventTypes, true, at);
    }

    public Optional<WebhookEndpoint> byId(long workspaceId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE workspace_id = ? AND id = ?")
                .params(workspaceId, id).query((rs, n) -> map(rs)).optional();
    }

    public List<WebhookEndpoint> list(long workspaceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE workspace_id = ? ORDER BY id")
                .param(workspaceId).query((rs, n) -> map(rs)).list();
    }

    /**
     * Runs on every ledger event: one probe of the (workspace_id, active, id) index per workspace and transaction.
     * The answer is kept for the rest of the transaction (a claim or a flush appends tens of events, each was a round
     * trip under the ledger head's lock), and forgotten when this transaction changes an endpoint.
     */
    List<WebhookEndpoint> active(long workspaceId) {
        var cache = cache();
        if (cache != null) {
            var known = cache.byWorkspace().get(workspaceId);
            if (known != null) {
                return known;
            }
        }
        var active = jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE workspace_id = ? AND active = TRUE "
                        + "ORDER BY id")
                .param(workspaceId).query((rs, n) -> map(rs)).list();
        if (cache != null) {
            cache.byWorkspace().put(workspaceId, active);
        }
        return active;
    }

    /** Registered with a transaction, so a suspended outer transaction keeps its own (as Ledger's chain). */
    private record Cache(Map<Long, List<WebhookEndpoint>> byWorkspace) implements TransactionSynchronization {
    }

    /** This transaction's cache, made on first use; null outside a transaction (then nothing is kept). */
    private static Cache cache() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        for (var sync : TransactionSynchronizationManager.getSynchronizations()) {
            if (sync instanceof Cache c) {
                return c;
            }
        }
        var cache = new Cache(new HashMap<>());
        TransactionSynchronizationManager.registerSynchronization(cache);
        return cache;
    }

    private static void forget() {
        var cache = cache();
        if (cache != null) {
            cache.byWorkspace().clear();
        }
    }

    boolean deactivate(long workspaceId, long id) {
        forget();
        return jdbc.sql("UPDATE webhook_endpoints SET active = FALSE "
                        + "WHERE workspace_id = ? AND id = ? AND active = TRUE")
                .params(workspaceId, id).update() == 1;
    }

    private static WebhookEndpoint map(ResultSet rs) throws SQLException {
        return new WebhookEndpoint(rs.getLong("id"), rs.getLong("workspace_id"), rs.getString("url"),
                rs.getString("secret"), Arrays.asList(rs.getString("event_types").split(",")),
                rs.getBoolean("active"), instant(rs, "created_at"));
    }
}
