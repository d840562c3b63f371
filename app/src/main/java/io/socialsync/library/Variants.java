package io.socialsync.library;

import static io.socialsync.db.Timestamps.instant;
import static io.socialsync.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class Variants {
    private static final String COLUMNS = "id, workspace_id, clip_id, format, preset, preset_params, seed, state, "
            + "storage_key, width, height, duration_ms, size_bytes, error, job_id, created_at, updated_at, warnings";
    private final JdbcClient jdbc;

    public Variants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertPending(long workspaceId, long clipId, String format, String preset, String presetParams,
                              long seed, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO variants (workspace_id, clip_id, format, preset, preset_params, seed, state, "
                        + "created_at, updated_at) VALUES (?,?,?,?,?,?,'PENDING',?,?)")
                .params(workspaceId, clipId, format, preset, presetParams, seed, utc(now), utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void attachJob(long workspaceId, List<Long> ids, long jobId) {
        jdbc.sql("UPDATE variants SET job_id = :job WHERE workspace_id = :ws AND id IN (:ids)")
                .param("job", jobId).param("ws", workspaceId).param("ids", ids).update();
    }

    public void ready(long workspaceId, long id, String storageKey, int width, int height, long durationMs,
                      long sizeBytes, Instant now) {
        ready(workspaceId, id, storageKey, width, height, durationMs, sizeBytes, null, now);
    }

    /** @param warnings a JSON array, or null for none */
    public void ready(long workspaceId, long id, String storageKey, int width, int height, long durationMs,
                      long sizeBytes, String warnings, Instant now) {
        jdbc.sql("UPDATE variants SET state = 'READY', storage_key = ?, width = ?, height = ?, duration_ms = ?, "
                        + "size_bytes = ?, error = NULL, warnings = ?, updated_at = ? "
                        + "WHERE workspace_id = ? AND id = ?")
                .params(storageKey, width, height, durationMs, sizeBytes, warnings, utc(now), workspaceId, id)
                .update();
    }

    public void failed(long workspaceId, long id, String error, Instant now) {
        jdbc.sql("UPDATE variants SET state = 'FAILED', error = ?, updated_at = ? WHERE workspace_id = ? AND id = ?")
                .params(error, utc(now), workspaceId, id).update();
    }

    /** How many variants of the workspace are in each state, by state name. */
    public Map<String, Long> countByState(long workspaceId) {
        var counts = new TreeMap<String, Long>();
        jdbc.sql("SELECT state, COUNT(*) AS n FROM variants WHERE workspace_id = ? GROUP BY state")
                .param(workspaceId).query().listOfRows()
                .forEach(r -> counts.put(String.valueOf(r.get("state")), ((Number) r.get("n")).longValue()));
        return counts;
    }

    public Optional<Variant> byId(long workspaceId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM variants WHERE workspace_id = ? AND id = ?")
                .params(workspaceId, id).query((rs, n) -> map(rs)).optional();
    }

    public List<Variant> ofClip(long workspaceId, long clipId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM variants WHERE workspace_id = ? AND clip_id = ? ORDER BY id")
                .params(workspaceId, clipId).query((rs, n) -> map(rs)).list();
    }

    public List<Variant> byIds(long workspaceId, List<Long> ids) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM variants WHERE workspace_id = :ws AND id IN (:ids) ORDER BY id")
                .param("ws", workspaceId).param("ids", ids).query((rs, n) -> map(rs)).list();
    }

    static Variant map(ResultSet rs) throws SQLException {
        return new Variant(rs.getLong("id"), rs.getLong("workspace_id"), rs.getLong("clip_id"), rs.getString("format"),
                rs.getString("preset"), rs.getString("preset_params"), rs.getLong("seed"),
                Variant.State.valueOf(rs.getString("state")), rs.getString("storage_key"),
                rs.getObject("width", Integer.class), rs.getObject("height", Integer.class),
                rs.getObject("duration_ms", Long.class), rs.getObject("size_bytes", Long.class), rs.getString("error"),
                rs.getObject("job_id", Long.class), instant(rs, "created_at"), instant(rs, "updated_at"),
                rs.getString("warnings"));
    }
}
