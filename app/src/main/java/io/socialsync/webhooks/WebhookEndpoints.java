package io.socialsync.webhooks;

import static io.socialsync.db.Timestamps.instant;
import static io.socialsync.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL over webhook_endpoints; every query is scoped by workspace. */
@Repository
public class WebhookEndpoints {
    private static final String COLUMNS = "id, workspace_id, url, secret, event_types, active, created_at";
    private final JdbcClient jdbc;

    public WebhookEndpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    WebhookEndpoint insert(long workspaceId, String url, String secret, List<String> eventTypes, Instant at) {
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

    /** Runs on every ledger append: one probe of the (workspace_id, active, id) index. */
    List<WebhookEndpoint> active(long workspaceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE workspace_id = ? AND active = TRUE "
                        + "ORDER BY id")
                .param(workspaceId).query((rs, n) -> map(rs)).list();
    }

    boolean deactivate(long workspaceId, long id) {
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
