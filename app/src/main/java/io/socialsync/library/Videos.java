package io.socialsync.library;

import static io.socialsync.db.Timestamps.instant;
import static io.socialsync.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL over videos; every method is scoped by workspace. */
@Repository
public class Videos {
    static final String COLUMNS = "id, workspace_id, title, source, source_url, uploader, original_name, storage_key, "
            + "content_type, size_bytes, sha256, state, reject_code, reject_reason, duration_ms, width, height, fps, "
            + "video_codec, audio_codec, container, status_fb, processed_at, created_at, updated_at, error";
    private final JdbcClient jdbc;

    public Videos(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Video.New v, String idempotencyKey, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO videos (workspace_id, title, source, source_url, uploader, original_name, storage_key, "
                        + "content_type, size_bytes, sha256, idempotency_key, state, created_at, updated_at) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(v.workspaceId(), v.title(), v.source().name(), v.sourceUrl(), v.uploader(), v.originalName(),
                        v.storageKey(), v.contentType(), v.sizeBytes(), v.sha256(), idempotencyKey,
                        VideoState.RECEIVED.name(), utc(now), utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Video> byId(long workspaceId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM videos WHERE workspace_id = ? AND id = ?")
                .params(workspaceId, id).query((rs, n) -> map(rs)).optional();
    }

    public Optional<Video> byIdempotencyKey(long workspaceId, String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM videos WHERE workspace_id = ? AND idempotency_key = ?")
                .params(workspaceId, key).query((rs, n) -> map(rs)).optional();
    }

    public Optional<Video> bySha256(long workspaceId, String sha256) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM videos WHERE workspace_id = ? AND sha256 = ?")
                .params(workspaceId, sha256).query((rs, n) -> map(rs)).optional();
    }

    /** Probe results; the state moves on with them. */
    public void probed(long workspaceId, long id, VideoState state, Long durationMs, Integer width, Integer height,
                       Double fps, String videoCodec, String audioCodec, String container, String mediaInfo,
                       Instant now) {
        jdbc.sql("UPDATE videos SET state = ?, error = NULL, duration_ms = ?, width = ?, height = ?, fps = ?, video_codec = ?, "
                        + "audio_codec = ?, container = ?, media_info = ?, updated_at = ? WHERE workspace_id = ? AND id = ?")
                .params(state.name(), durationMs, width, height, fps, videoCodec, audioCodec, container, mediaInfo,
                        utc(now), workspaceId, id).update();
    }

    public void analysed(long workspaceId, long id, String contactSheetKey, Instant now) {
        jdbc.sql("UPDATE videos SET state = 'READY', contact_sheet_key = ?, updated_at = ? WHERE workspace_id = ? AND id = ?")
                .params(contactSheetKey, utc(now), workspaceId, id).update();
    }

    public Optional<String> contactSheetKey(long workspaceId, long id) {
        return jdbc.sql("SELECT contact_sheet_key FROM videos WHERE workspace_id = ? AND id = ?")
                .params(workspaceId, id).query(String.class).optional();
    }

    public void rejected(long workspaceId, long id, String code, String reason, Instant now) {
        jdbc.sql("UPDATE videos SET state = 'REJECTED', reject_code = ?, reject_reason = ?, updated_at = ? "
                        + "WHERE workspace_id = ? AND id = ?")
                .params(code, reason, utc(now), workspaceId, id).update();
    }

    /** FAILED with its reason, unless the video moved on meanwhile (READY, REJECTED): false then. */
    public boolean failed(long workspaceId, long id, String error, Instant now) {
        return jdbc.sql("UPDATE videos SET state = 'FAILED', error = ?, updated_at = ? WHERE workspace_id = ? AND id = ? "
                        + "AND state IN ('RECEIVED', 'PROBED', 'ANALYSING')")
                .params(error, utc(now), workspaceId, id).update() == 1;
    }

    /** Its analysis was cancelled while it was still in a working state; false when it had left them already. */
    public boolean cancelled(long workspaceId, long id, String error, Instant now) {
        return jdbc.sql("UPDATE videos SET state = 'CANCELLED', error = ?, updated_at = ? WHERE workspace_id = ? "
                        + "AND id = ? AND state IN ('RECEIVED', 'PROBED', 'ANALYSING')")
                .params(error, utc(now), workspaceId, id).update() == 1;
    }

    public void state(long workspaceId, long id, VideoState state, Instant now) {
        jdbc.sql("UPDATE videos SET state = ?, updated_at = ? WHERE workspace_id = ? AND id = ?")
                .params(state.name(), utc(now), workspaceId, id).update();
    }

    /** Sets the seed's status and ends any claim on the video (see {@link #claim}). */
    public void statusFb(long workspaceId, long id, String statusFb, Instant processedAt, Instant now) {
        jdbc.sql("UPDATE videos SET status_fb = ?, claimed_until = NULL, processed_at = COALESCE(?, processed_at), "
                        + "updated_at = ? WHERE workspace_id = ? AND id = ?")
                .params(statusFb, processedAt == null ? null : utc(processedAt), utc(now), workspaceId, id).update();
    }

    /**
     * The seed's two queues as claims: the oldest video in {@code from} (READY: analysed) moves to {@code claimed}
     * until {@code until}; one whose claim ran out (its holder died) is taken again. The conditional UPDATE is the
     * claim: of two processes that read the same candidate, one updates it and the other moves on to the next.
     */
    public Optional<Video> claim(long workspaceId, String from, String claimed, Instant now, Instant until) {
        String open = "workspace_id = ? AND state = 'READY' AND (status_fb = ? OR (status_fb = ? AND claimed_until < ?))";
        for (int tries = 0; tries < 20; tries++) {
            var id = jdbc.sql("SELECT id FROM videos WHERE " + open + " ORDER BY created_at, id LIMIT 1")
                    .params(workspaceId, from, claimed, utc(now)).query(Long.class).optional();
            if (id.isEmpty()) {
                return Optional.empty();
            }
            int taken = jdbc.sql("UPDATE videos SET status_fb = ?, claimed_until = ?, updated_at = ? WHERE id = ? AND "
                            + open)
                    .params(claimed, utc(until), utc(now), id.get(), workspaceId, from, claimed, utc(now)).update();
            if (taken == 1) {
                return byId(workspaceId, id.get());
            }
        }
        return Optional.empty();
    }

    /** When the claim on a video runs out, if it is claimed. */
    public Optional<Instant> claimedUntil(long workspaceId, long id) {
        return jdbc.sql("SELECT claimed_until FROM videos WHERE workspace_id = ? AND id = ? AND claimed_until IS NOT NULL")
                .params(workspaceId, id).query((rs, n) -> instant(rs, "claimed_until")).optional();
    }

    /** Videos the seed editor still waits for: pending and not yet through analysis. */
    public long countAnalysingPending(long workspaceId) {
        return jdbc.sql("SELECT COUNT(*) FROM videos WHERE workspace_id = ? AND status_fb = 'pending' "
                + "AND state IN ('RECEIVED', 'PROBED', 'ANALYSING')").param(workspaceId).query(Long.class).single();
    }

    /** Every video of the workspace in id order, streamed: an export of any size never holds the list. */
    public void forEachInIdOrder(long workspaceId, Consumer<Video> each) {
        // the fetch size on this statement only: on the shared JdbcTemplate it would apply to every query after
        jdbc.sql("SELECT " + COLUMNS + " FROM videos WHERE workspace_id = ? ORDER BY id").withFetchSize(1000)
                .param(workspaceId).query((RowCallbackHandler) rs -> each.accept(map(rs)));
    }

    public List<Video> page(VideoQuery q) {
        var sql = new StringBuilder("SELECT " + COLUMNS + " FROM videos WHERE workspace_id = :ws");
        Map<String, Object> p = new HashMap<>();
        p.put("ws", q.workspaceId());
        if (q.state() != null) {
            sql.append(" AND state = :state");
            p.put("state", q.state().name());
        }
        if (q.source() != null) {
            sql.append(" AND source = :source");
            p.put("source", q.source());
        }
        if (q.statusFb() != null) {
            sql.append(" AND status_fb = :statusFb");
            p.put("statusFb", q.statusFb());
        }
        if (q.from() != null) {
            sql.append(" AND created_at >= :from");
            p.put("from", utc(q.from()));
        }
        if (q.to() != null) {
            sql.append(" AND created_at < :to");
            p.put("to", utc(q.to()));
        }
        if (q.text() != null && !q.text().isBlank()) {
            sql.append(" AND LOWER(title) LIKE :text ESCAPE '\\'");
            p.put("text", "%" + q.text().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (q.before() != null) {
            // keyset on (created_at, id), the order of the indexes, so a date range is a range of one index
            sql.append(" AND (created_at, id) < (SELECT c.created_at, c.id FROM videos c WHERE c.workspace_id = :ws"
                    + " AND c.id = :before)");
            p.put("before", q.before());
        }
        // the fixed leading columns of the index in use named too: H2 reads an index backwards only when ORDER BY
        // names every column before created_at, and otherwise sorts every video of the workspace
        sql.append(q.state() != null ? " ORDER BY workspace_id DESC, state DESC, created_at DESC, id DESC"
                : q.statusFb() != null ? " ORDER BY workspace_id DESC, status_fb DESC, created_at DESC, id DESC"
                : " ORDER BY workspace_id DESC, created_at DESC, id DESC");
        sql.append(" LIMIT :limit");
        p.put("limit", q.limit());
        return jdbc.sql(sql.toString()).params(p).query((rs, n) -> map(rs)).list();
    }

    static Video map(ResultSet rs) throws SQLException {
        return new Video(rs.getLong("id"), rs.getLong("workspace_id"), rs.getString("title"), rs.getString("source"),
                rs.getString("source_url"), rs.getString("uploader"), rs.getString("original_name"),
                rs.getString("storage_key"), rs.getString("content_type"), rs.getLong("size_bytes"),
                rs.getString("sha256"), VideoState.valueOf(rs.getString("state")), rs.getString("reject_code"),
                rs.getString("reject_reason"), rs.getObject("duration_ms", Long.class),
                rs.getObject("width", Integer.class), rs.getObject("height", Integer.class),
                rs.getObject("fps", Double.class), rs.getString("video_codec"), rs.getString("audio_codec"),
                rs.getString("container"), rs.getString("status_fb"), instant(rs, "processed_at"),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getString("error"));
    }
}
