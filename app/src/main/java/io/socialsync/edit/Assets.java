package io.socialsync.edit;

import static io.socialsync.db.Timestamps.instant;
import static io.socialsync.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The assets table; every query is scoped to a workspace. */
@Repository
public class Assets {
    private static final String COLUMNS = "id, workspace_id, kind, storage_key, content_type, size_bytes, "
            + "duration_ms, width, height, job_id, created_at";
    private final JdbcClient jdbc;

    public Assets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Asset.New a, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO assets (workspace_id, kind, storage_key, content_type, size_bytes, duration_ms, width, "
                        + "height, job_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)")
                .params(a.workspaceId(), a.kind(), a.storageKey(), a.contentType(), a.sizeBytes(), a.durationMs(),
                        a.width(), a.height(), a.jobId(), utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Asset> byId(long workspaceId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM assets WHERE workspace_id = ? AND id = ?")
                .params(workspaceId, id).query((rs, n) -> map(rs)).optional();
    }

    public Optional<Asset> byJob(long workspaceId, long jobId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM assets WHERE workspace_id = ? AND job_id = ?")
                .params(workspaceId, jobId).query((rs, n) -> map(rs)).optional();
    }

    private static Asset map(ResultSet rs) throws SQLException {
        return new Asset(rs.getLong("id"), rs.getLong("workspace_id"), rs.getString("kind"),
                rs.getString("storage_key"), rs.getString("content_type"), rs.getLong("size_bytes"),
                rs.getLong("duration_ms"), rs.getObject("width", Integer.class), rs.getObject("height", Integer.class),
                rs.getLong("job_id"), instant(rs, "created_at"));
    }
}
