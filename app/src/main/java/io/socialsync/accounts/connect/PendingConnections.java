package io.socialsync.accounts.connect;

import static io.socialsync.db.Timestamps.instant;
import static io.socialsync.db.Timestamps.utc;

import io.socialsync.platforms.Platform;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL over oauth_connections; scoped by workspace like every account query. */
@Repository
class PendingConnections {
    private final JdbcClient jdbc;

    PendingConnections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(PendingConnection c) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO oauth_connections (workspace_id, platform, timezone, candidates_enc, created_at, "
                        + "expires_at) VALUES (?,?,?,?,?,?)")
                .params(c.workspaceId(), c.platform().wire(), c.timezone().getId(), c.candidatesEnc(),
                        utc(c.createdAt()), utc(c.expiresAt()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<PendingConnection> byId(long workspaceId, long id, boolean lock) {
        return jdbc.sql("SELECT * FROM oauth_connections WHERE workspace_id = ? AND id = ?"
                        + (lock ? " FOR UPDATE" : ""))
                .params(workspaceId, id).query((rs, n) -> map(rs)).optional();
    }

    /** The tokens go with the choice: a completed connection keeps only its row. */
    void complete(long workspaceId, long id, Instant at) {
        jdbc.sql("UPDATE oauth_connections SET completed_at = ?, candidates_enc = '' WHERE workspace_id = ? "
                + "AND id = ?").params(utc(at), workspaceId, id).update();
    }

    /** Unpicked connections past their expiry lose their tokens. */
    void purge(Instant before) {
        jdbc.sql("UPDATE oauth_connections SET candidates_enc = '' WHERE expires_at < ? AND candidates_enc <> ''")
                .param(utc(before)).update();
    }

    private static PendingConnection map(ResultSet rs) throws SQLException {
        return new PendingConnection(rs.getLong("id"), rs.getLong("workspace_id"),
                Platform.parse(rs.getString("platform")).orElseThrow(), ZoneId.of(rs.getString("timezone")),
                rs.getString("candidates_enc"), instant(rs, "created_at"), instant(rs, "expires_at"),
                instant(rs, "completed_at"));
    }
}
