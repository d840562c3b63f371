package io.socialsync.meta;

import static io.socialsync.db.Timestamps.instant;
import static io.socialsync.db.Timestamps.utc;

import io.socialsync.meta.downloads.MediaStates;
import io.socialsync.meta.webhooks.MetaChange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over meta_posts, scoped by workspace; the download state changes are in {@link MediaStates}. */
@Repository
public class MetaPosts {
    static final String COLUMNS = "id, workspace_id, account_id, platform, post_id, type, message, media_url, "
            + "media_status, media_attempts, media_last_error, media_updated_at, media_next_attempt_at, local_key, "
            + "content_type, size_bytes, sha256, downloaded_at, video_id, created_at";
    private final JdbcClient jdbc;

    public MetaPosts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the new row's id, or empty when the workspace already has this post (a repeated add event) */
    public Optional<Long> insertIfNew(long workspaceId, MetaChange.NewPost p, Long webhookEventId, Instant now) {
        int inserted = jdbc.sql("INSERT INTO meta_posts (workspace_id, account_id, platform, post_id, type, message, "
                        + "media_url, media_status, media_updated_at, webhook_event_id, created_at) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING")
                .params(workspaceId, p.accountId(), p.platform().wire(), p.postId(), p.type().wire(), p.message(),
                        p.mediaUrl(), MediaStatus.PENDING.wire(), utc(now), webhookEventId,
                        utc(now)).update();
        if (inserted == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM meta_posts WHERE workspace_id = ? AND post_id = ?")
                .params(workspaceId, p.postId()).query(Long.class).optional();
    }

    public Optional<MetaPost> byId(long workspaceId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM meta_posts WHERE workspace_id = ? AND id = ?")
                .params(workspaceId, id).query((rs, n) -> map(rs)).optional();
    }

    public Optional<MetaPost> byPostId(long workspaceId, String postId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM meta_posts WHERE workspace_id = ? AND post_id = ?")
                .params(workspaceId, postId).query((rs, n) -> map(rs)).optional();
    }

    /** Newest first; {@code before} is the keyset cursor (an id), {@code status} an optional filter. */
    public List<MetaPost> page(long workspaceId, MediaStatus status, Long before, int limit) {
        var sql = new StringBuilder("SELECT " + COLUMNS + " FROM meta_posts WHERE workspace_id = :ws");
        var params = new HashMap<String, Object>();
        params.put("ws", workspaceId);
        if (status != null) {
            sql.append(" AND media_status = :status");
            params.put("status", status.wire());
        }
        if (before != null) {
            sql.append(" AND id < :before");
            params.put("before", before);
        }
        params.put("limit", limit);
        return jdbc.sql(sql.append(" ORDER BY id DESC LIMIT :limit").toString()).params(params)
                .query((rs, n) -> map(rs)).list();
    }

    static MetaPost map(ResultSet rs) throws SQLException {
        long video = rs.getLong("video_id");
        Long videoId = rs.wasNull() ? null : video;
        long size = rs.getLong("size_bytes");
        Long sizeBytes = rs.wasNull() ? null : size;
        return new MetaPost(rs.getLong("id"), rs.getLong("workspace_id"), rs.getString("account_id"),
                MetaPlatform.parse(rs.getString("platform")), rs.getString("post_id"),
                PostType.parse(rs.getString("type")), rs.getString("message"), rs.getString("media_url"),
                MediaStatus.parse(rs.getString("media_status")), rs.getInt("media_attempts"),
                rs.getString("media_last_error"), instant(rs, "media_updated_at"),
                instant(rs, "media_next_attempt_at"), rs.getString("local_key"),
                rs.getString("content_type"), sizeBytes, rs.getString("sha256"),
                instant(rs, "downloaded_at"), videoId, instant(rs, "created_at"));
    }
}
