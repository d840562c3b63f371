package io.socialsync.apikey;

import static io.socialsync.db.Timestamps.instant;
import static io.socialsync.db.Timestamps.utc;

import io.socialsync.web.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class ApiKeys {
    private static final String COLUMNS = "id, workspace_id, name, public_id, role, created_at, revoked_at";
    private final JdbcClient jdbc;

    public ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ApiKey insert(long workspaceId, String name, String publicId, String hash, Role role, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO api_keys (workspace_id, name, public_id, key_hash, role, created_at) VALUES (?,?,?,?,?,?)")
                .params(workspaceId, name, publicId, hash, role.name(), utc(at))
                .update(keys, "id");
        return new ApiKey(keys.getKey().longValue(), workspaceId, name, publicId, role, at, null);
    }

    Optional<ApiKey> activeByHash(String hash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL")
                .param(hash).query((rs, n) -> map(rs)).optional();
    }

    List<ApiKey> list(long workspaceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE workspace_id = ? ORDER BY id")
                .param(workspaceId).query((rs, n) -> map(rs)).list();
    }

    Optional<ApiKey> byId(long workspaceId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE workspace_id = ? AND id = ?")
                .params(workspaceId, id).query((rs, n) -> map(rs)).optional();
    }

    boolean revoke(long workspaceId, long id, Instant at) {
        return jdbc.sql("UPDATE api_keys SET revoked_at = ? WHERE workspace_id = ? AND id = ? AND revoked_at IS NULL")
                .params(utc(at), workspaceId, id).update() == 1;
    }

    private static ApiKey map(ResultSet rs) throws SQLException {
        return new ApiKey(rs.getLong("id"), rs.getLong("workspace_id"), rs.getString("name"), rs.getString("public_id"),
                Role.valueOf(rs.getString("role")), instant(rs, "created_at"), instant(rs, "revoked_at"));
    }
}
