package io.socialsync.meta.webhooks;

import static io.socialsync.db.Timestamps.utc;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-post engagement counters, created on the first event that touches a post. */
@Repository
public class MetaCounters {
    private final JdbcClient jdbc;

    public MetaCounters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Counts(int comments, int likes, int shares, int mentions) {
        public static final Counts NONE = new Counts(0, 0, 0, 0);
    }

    /** Insert-if-absent then a relative update: both portable, and safe when two events touch one post at once. */
    public void add(long workspaceId, String postId, MetaChange.Counter counter, int delta, Instant now) {
        jdbc.sql("INSERT INTO meta_post_counters (workspace_id, post_id, updated_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT DO NOTHING")
                .params(workspaceId, postId, utc(now)).update();
        String column = counter.column(); // from the enum, never from input
        jdbc.sql("UPDATE meta_post_counters SET " + column + " = GREATEST(" + column + " + ?, 0), updated_at = ? "
                        + "WHERE workspace_id = ? AND post_id = ?")
                .params(delta, utc(now), workspaceId, postId).update();
    }

    public Map<String, Counts> of(long workspaceId, Collection<String> postIds) {
        var out = new HashMap<String, Counts>();
        if (postIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT post_id, comments, likes, shares, mentions FROM meta_post_counters "
                        + "WHERE workspace_id = :ws AND post_id IN (:ids)")
                .param("ws", workspaceId).param("ids", postIds)
                .query(rs -> {
                    out.put(rs.getString(1), new Counts(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
                });
        return out;
    }
}
