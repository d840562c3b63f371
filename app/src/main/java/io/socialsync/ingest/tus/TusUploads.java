package io.socialsync.ingest.tus;

import static io.socialsync.db.Timestamps.instant;
import static io.socialsync.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tus_uploads table. Every read and write names the workspace: another workspace's id is simply absent. */
@Repository
public class TusUploads {
    private static final String COLUMNS = "id, workspace_id, upload_length, upload_offset, metadata, file_name, "
            + "created_at, expires_at, video_id";
    private final JdbcClient jdbc;

    public TusUploads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(TusUpload u, Long apiKeyId) {
        jdbc.sql("INSERT INTO tus_uploads (id, workspace_id, upload_length, upload_offset, metadata, file_name, "
                        + "created_by, created_at, expires_at) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?)")
                .params(u.id(), u.workspaceId(), u.length(), u.metadata(), u.fileName(), apiKeyId,
                        utc(u.createdAt()), utc(u.expiresAt())).update();
    }

    public Optional<TusUpload> find(long workspaceId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tus_uploads WHERE workspace_id = ? AND id = ?")
                .params(workspaceId, id).query((rs, n) -> map(rs)).optional();
    }

    /** Compare-and-set: false when another request moved the offset first. */
    boolean advance(long workspaceId, UUID id, long from, long to) {
        return jdbc.sql("UPDATE tus_uploads SET upload_offset = ? WHERE workspace_id = ? AND id = ? AND upload_offset = ?")
                .params(to, workspaceId, id, from).update() == 1;
    }

    void completed(long workspaceId, UUID id, long videoId) {
        jdbc.sql("UPDATE tus_uploads SET video_id = ? WHERE workspace_id = ? AND id = ?")
                .params(videoId, workspaceId, id).update();
    }

    boolean delete(long workspaceId, UUID id) {
        return jdbc.sql("DELETE FROM tus_uploads WHERE workspace_id = ? AND id = ?").params(workspaceId, id).update() == 1;
    }

    /** Expired uploads of every workspace, oldest first. */
    List<TusUpload> expired(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tus_uploads WHERE expires_at <= ? ORDER BY expires_at LIMIT ?")
                .params(utc(now), limit).query((rs, n) -> map(rs)).list();
    }

    boolean exists(UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM tus_uploads WHERE id = ?").param(id).query(Long.class).single() > 0;
    }

    private static TusUpload map(ResultSet rs) throws SQLException {
        long video = rs.getLong("video_id");
        Long videoId = rs.wasNull() ? null : video; // asked at once: wasNull() speaks of the last column read
        return new TusUpload(rs.getObject("id", UUID.class), rs.getLong("workspace_id"), rs.getLong("upload_length"),
                rs.getLong("upload_offset"), rs.getString("metadata"), rs.getString("file_name"),
                instant(rs, "created_at"), instant(rs, "expires_at"), videoId);
    }
}
