package io.socialsync.library;

import static io.socialsync.db.Timestamps.instant;
import static io.socialsync.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL over clips. A re-analysis supersedes the previous clips instead of deleting them (variants point at them). */
@Repository
public class Clips {
    private static final String COLUMNS = "id, workspace_id, video_id, rank, start_ms, end_ms, score, sub_scores, "
            + "reason, thumbnail_key, job_id, created_at, rescore_job_id, rescore_error";
    private final JdbcClient jdbc;

    public Clips(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long workspaceId, long videoId, int rank, long startMs, long endMs, int score,
                       String subScores, String reason, String thumbnailKey, Long jobId, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO clips (workspace_id, video_id, rank, start_ms, end_ms, score, sub_scores, reason, "
                        + "thumbnail_key, job_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
                .params(workspaceId, videoId, rank, startMs, endMs, score, subScores, reason, thumbnailKey, jobId,
                        utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void supersede(long workspaceId, long videoId) {
        jdbc.sql("UPDATE clips SET superseded = TRUE WHERE workspace_id = ? AND video_id = ? AND superseded = FALSE")
                .params(workspaceId, videoId).update();
    }

    /** A re-score of the clip is queued as {@code jobId}; the last one's error is history now. */
    public void rescoring(long workspaceId, long id, long jobId) {
        jdbc.sql("UPDATE clips SET rescore_job_id = ?, rescore_error = NULL WHERE workspace_id = ? AND id = ?")
                .params(jobId, workspaceId, id).update();
    }

    /** The re-score's outcome: the edited bounds with their score; the clip is no longer being re-scored. */
    public void rescored(long workspaceId, long id, long startMs, long endMs, int score, String subScores,
                         String reason, String thumbnailKey) {
        jdbc.sql("UPDATE clips SET start_ms = ?, end_ms = ?, score = ?, sub_scores = ?, reason = ?, thumbnail_key = ?, "
                        + "rescore_job_id = NULL, rescore_error = NULL WHERE workspace_id = ? AND id = ?")
                .params(startMs, endMs, score, subScores, reason, thumbnailKey, workspaceId, id).update();
    }

    /**
     * The re-score {@code jobId} failed for good or was cancelled: the clip keeps its bounds, shows why, and can be
     * edited again. A later re-score's row is left alone.
     */
    public void rescoreEnded(long workspaceId, long id, long jobId, String error) {
        jdbc.sql("UPDATE clips SET rescore_job_id = NULL, rescore_error = ? "
                        + "WHERE workspace_id = ? AND id = ? AND rescore_job_id = ?")
                .params(error, workspaceId, id, jobId).update();
    }

    /** Current (not superseded) clips of a workspace in figures; the averages are null without clips. */
    public record Summary(long total, long videosWithClips, Double avgScore, Integer maxScore) {
    }

    public Summary summary(long workspaceId) {
        var stats = jdbc.sql("SELECT COUNT(*) AS n, AVG(score) AS avg_score, MAX(score) AS max_score, "
                        + "COUNT(DISTINCT video_id) AS videos FROM clips WHERE workspace_id = ? AND superseded = FALSE")
                .param(workspaceId).query().singleRow();
        return new Summary(((Number) stats.get("n")).longValue(), ((Number) stats.get("videos")).longValue(),
                stats.get("avg_score") == null ? null : ((Number) stats.get("avg_score")).doubleValue(),
                stats.get("max_score") == null ? null : ((Number) stats.get("max_score")).intValue());
    }

    public Optional<Clip> byId(long workspaceId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM clips WHERE workspace_id = ? AND id = ?")
                .params(workspaceId, id).query((rs, n) -> map(rs)).optional();
    }

    /** The current clips of a video, best first. */
    public List<Clip> ofVideo(long workspaceId, long videoId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM clips WHERE workspace_id = ? AND video_id = ? "
                        + "AND superseded = FALSE ORDER BY rank")
                .params(workspaceId, videoId).query((rs, n) -> map(rs)).list();
    }

    public List<Clip> page(long workspaceId, Long videoId, Integer minScore, Long before, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM clips WHERE workspace_id = :ws AND superseded = FALSE "
                        + (videoId != null ? "AND video_id = :video " : "")
                        + (minScore != null ? "AND score >= :minScore " : "")
                        + (before != null ? "AND id < :before " : "") + "ORDER BY id DESC LIMIT :limit")
                .param("ws", workspaceId).param("video", videoId).param("minScore", minScore)
                .param("before", before).param("limit", limit).query((rs, n) -> map(rs)).list();
    }

    static Clip map(ResultSet rs) throws SQLException {
        return new Clip(rs.getLong("id"), rs.getLong("workspace_id"), rs.getLong("video_id"), rs.getInt("rank"),
                rs.getLong("start_ms"), rs.getLong("end_ms"), rs.getInt("score"), rs.getString("sub_scores"),
                rs.getString("reason"), rs.getString("thumbnail_key"), rs.getObject("job_id", Long.class),
                instant(rs, "created_at"), rs.getObject("rescore_job_id", Long.class),
                rs.getString("rescore_error"));
    }
}
