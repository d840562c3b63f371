package io.socialsync.webhooks;

import static io.socialsync.db.Timestamps.utc;
import static io.socialsync.db.Timestamps.instant;

import io.socialsync.webhooks.WebhookDelivery.State;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL over webhook_deliveries; every query is scoped by workspace, state moves only out of PENDING. */
@Repository
public class WebhookDeliveries {
    private static final String COLUMNS = "id, workspace_id, endpoint_id, ledger_event_id, event_type, payload, state, "
            + "attempts, last_status, last_error, job_id, created_at, delivered_at, failed_at";
    private final JdbcClient jdbc;

    public WebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The body needs the row's id, so it is written by {@link #attach} right after. */
    long insert(long workspaceId, long endpointId, Long ledgerEventId, String eventType, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO webhook_deliveries (workspace_id, endpoint_id, ledger_event_id, event_type, payload, "
                        + "state, created_at) VALUES (?, ?, ?, ?, '{}', 'PENDING', ?)")
                .params(workspaceId, endpointId, ledgerEventId, eventType, utc(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    void attach(long workspaceId, long id, String payload, long jobId) {
        jdbc.sql("UPDATE webhook_deliveries SET payload = ?, job_id = ? WHERE workspace_id = ? AND id = ?")
                .params(payload, jobId, workspaceId, id).update();
    }

    public Optional<WebhookDelivery> byId(long workspaceId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE workspace_id = ? AND id = ?")
                .params(workspaceId, id).query((rs, n) -> map(rs)).optional();
    }

    Optional<WebhookDelivery> byJob(long workspaceId, long jobId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE workspace_id = ? AND job_id = ?")
                .params(workspaceId, jobId).query((rs, n) -> map(rs)).optional();
    }

    /** Newest first; {@code before} is the keyset cursor. */
    public List<WebhookDelivery> page(long workspaceId, long endpointId, Long before, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE workspace_id = ? AND endpoint_id = ? "
                        + "AND id < ? ORDER BY id DESC LIMIT ?")
                .params(workspaceId, endpointId, before == null ? Long.MAX_VALUE : before, limit)
                .query((rs, n) -> map(rs)).list();
    }

    /** One HTTP attempt: status null when no response came back. */
    void recordAttempt(long workspaceId, long id, Integer status, String error) {
        jdbc.sql("UPDATE webhook_deliveries SET attempts = attempts + 1, last_status = ?, last_error = ? "
                        + "WHERE workspace_id = ? AND id = ?")
                .params(status, truncate(error), workspaceId, id).update();
    }

    boolean markDelivered(long workspaceId, long id, Instant at) {
        return move(workspaceId, id, State.PENDING, State.DELIVERED, "delivered_at = ?", at);
    }

    boolean markFailed(long workspaceId, long id, Instant at) {
        return move(workspaceId, id, State.PENDING, State.FAILED, "failed_at = ?", at);
    }

    /** The job was retried by hand: the delivery is pending again. */
    boolean reopen(long workspaceId, long id) {
        return move(workspaceId, id, State.FAILED, State.PENDING, "failed_at = ?", null);
    }

    private boolean move(long workspaceId, long id, State from, State to, String set, Instant at) {
        return jdbc.sql("UPDATE webhook_deliveries SET state = ?, " + set
                        + " WHERE workspace_id = ? AND id = ? AND state = ?")
                .params(to.name(), utc(at), workspaceId, id, from.name()).update() == 1;
    }

    private static WebhookDelivery map(ResultSet rs) throws SQLException {
        return new WebhookDelivery(rs.getLong("id"), rs.getLong("workspace_id"), rs.getLong("endpoint_id"),
                rs.getObject("ledger_event_id", Long.class), rs.getString("event_type"), rs.getString("payload"),
                State.valueOf(rs.getString("state")), rs.getInt("attempts"), rs.getObject("last_status", Integer.class),
                rs.getString("last_error"), rs.getObject("job_id", Long.class), instant(rs, "created_at"),
                instant(rs, "delivered_at"), instant(rs, "failed_at"));
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
