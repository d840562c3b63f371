package io.socialsync.meta.downloads;

import static io.socialsync.db.Timestamps.utc;

import io.socialsync.meta.MetaPost;
import io.socialsync.meta.MetaPosts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The download state machine in SQL. A candidate (the seed's rules) is claimed by one UPDATE that also counts the
 * attempt, so two batches, or a batch and an arrival job, never download one post twice; outcomes are written
 * only by the attempt that claimed the row. A {@code downloading} row older than {@code stale} was left by a
 * worker that died, and is a candidate again.
 */
@Repository
public class MediaStates {
    public static final int MAX_ATTEMPTS = 5;
    static final String CANDIDATE = "media_url IS NOT NULL AND local_key IS NULL AND type IN ('photo', 'video') "
            + "AND message IS NOT NULL AND media_attempts < " + MAX_ATTEMPTS + " AND ((media_status = 'pending' "
            + "AND (media_next_attempt_at IS NULL OR media_next_attempt_at <= :now)) "
            + "OR (media_status = 'downloading' AND media_updated_at < :stale))";
    private final JdbcClient jdbc;
    private final MetaPosts posts;

    public MediaStates(JdbcClient jdbc, MetaPosts posts) {
        this.jdbc = jdbc;
        this.posts = posts;
    }

    public List<Long> candidates(long workspaceId, Instant now, Instant stale, int limit) {
        return jdbc.sql("SELECT id FROM meta_posts WHERE workspace_id = :ws AND " + CANDIDATE + " ORDER BY id LIMIT :limit")
                .param("ws", workspaceId).param("now", utc(now)).param("stale", utc(stale))
                .param("limit", limit).query(Long.class).list();
    }

    public List<Long> workspacesWithCandidates(Instant now, Instant stale) {
        return jdbc.sql("SELECT DISTINCT workspace_id FROM meta_posts WHERE " + CANDIDATE + " ORDER BY workspace_id")
                .param("now", utc(now)).param("stale", utc(stale)).query(Long.class).list();
    }

    /** @return the row as claimed (status downloading, attempts counted), or empty when it is not a candidate */
    public Optional<MetaPost> claim(long workspaceId, long id, Instant now, Instant stale) {
        int claimed = jdbc.sql("UPDATE meta_posts SET media_status = 'downloading', media_attempts = media_attempts + 1, "
                        + "media_updated_at = :now, media_next_attempt_at = NULL WHERE workspace_id = :ws AND id = :id AND "
                        + CANDIDATE)
                .param("ws", workspaceId).param("id", id).param("now", utc(now))
                .param("stale", utc(stale)).update();
        return claimed == 1 ? posts.byId(workspaceId, id) : Optional.empty();
    }

    public boolean succeeded(MetaPost claimed, String key, String contentType, long size, String sha256, Instant now) {
        return settle(claimed, "media_status = 'success', local_key = :key, content_type = :type, size_bytes = :size, "
                + "sha256 = :sha, downloaded_at = :now, media_updated_at = :now", now, new Object[][] {
                {"key", key}, {"type", contentType}, {"size", size}, {"sha", sha256}});
    }

    /** Back to pending, due again at {@code next}: a 5xx, a timeout or a network error. */
    public boolean retrying(MetaPost claimed, String errorJson, Instant next, Instant now) {
        return settle(claimed, "media_status = 'pending', media_last_error = :error, media_next_attempt_at = :next, "
                + "media_updated_at = :now", now, new Object[][] {{"error", errorJson}, {"next", utc(next)}});
    }

    /** Final: a 4xx, a refused URL, something that is not media, or the last attempt spent. */
    public boolean failed(MetaPost claimed, String errorJson, Instant now) {
        return settle(claimed, "media_status = 'error', media_last_error = :error, media_updated_at = :now", now,
                new Object[][] {{"error", errorJson}});
    }

    public void linkVideo(long workspaceId, long id, long videoId, String sha256) {
        jdbc.sql("UPDATE meta_posts SET video_id = ?, sha256 = ? WHERE workspace_id = ? AND id = ?")
                .params(videoId, sha256, workspaceId, id).update();
    }

    /** Fenced by status and attempt: a run whose claim went stale and was taken over changes nothing. */
    private boolean settle(MetaPost claimed, String set, Instant now, Object[][] values) {
        var spec = jdbc.sql("UPDATE meta_posts SET " + set + " WHERE workspace_id = :ws AND id = :id "
                        + "AND media_status = 'downloading' AND media_attempts = :attempt")
                .param("ws", claimed.workspaceId()).param("id", claimed.id()).param("attempt", claimed.mediaAttempts())
                .param("now", utc(now));
        for (Object[] v : values) {
            spec = spec.param((String) v[0], v[1]);
        }
        return spec.update() == 1;
    }

    /** Downloads the workspace settled since {@code since}: [attempted, failed], failed counting those retrying. */
    public int[] settledSince(long ws, Instant since) {
        return jdbc.sql("SELECT COALESCE(SUM(CASE WHEN media_status = 'success' THEN 0 ELSE 1 END), 0), "
                        + "COUNT(*) FROM meta_posts WHERE workspace_id = ? AND media_updated_at >= ? "
                        + "AND (media_status IN ('success', 'error') OR (media_status = 'pending' "
                        + "AND media_last_error IS NOT NULL))")
                .params(ws, utc(since)).query((rs, n) -> new int[] {rs.getInt(2), rs.getInt(1)}).single();
    }
}
