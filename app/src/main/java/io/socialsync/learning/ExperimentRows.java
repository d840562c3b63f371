package io.socialsync.learning;

import static io.socialsync.db.Timestamps.utc;

import io.socialsync.db.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL over experiments, their arms and posts; every query is scoped by workspace. */
@Repository
public class ExperimentRows {
    private static final String COLUMNS = "id, workspace_id, clip_id, name, kind, state, max_posts, threshold, seed, "
            + "winner_arm_id, stop_reason, created_by, created_at, stopped_at";
    private final JdbcClient jdbc;

    public ExperimentRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code state}: running or stopped. */
    public record Row(long id, long workspaceId, long clipId, String name, String kind, String state, int maxPosts,
                      double threshold, long seed, Long winnerArmId, String stopReason, String createdBy,
                      Instant createdAt, Instant stoppedAt) {
    }

    public record Arm(long id, String label, Long variantId, String caption) {
    }

    /** An arm's post and its score (null until scored). */
    public record Post(long armId, long publicationId, Double score) {
    }

    public long insert(long ws, long clip, String name, String kind, int maxPosts, double threshold, long seed,
                       String by, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO experiments (workspace_id, clip_id, name, kind, state, max_posts, threshold, seed, "
                        + "created_by, created_at) VALUES (?,?,?,?,'RUNNING',?,?,?,?,?)")
                .params(ws, clip, name, kind, maxPosts, threshold, seed, by, utc(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public long insertArm(long experiment, String label, Long variantId, String caption) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO experiment_arms (experiment_id, label, variant_id, caption) VALUES (?,?,?,?)")
                .params(experiment, label, variantId, caption).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void insertPost(long experiment, long arm, long publication) {
        jdbc.sql("INSERT INTO experiment_posts (publication_id, experiment_id, arm_id) VALUES (?,?,?)")
                .params(publication, experiment, arm).update();
    }

    public Optional<Row> byId(long ws, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM experiments WHERE workspace_id = ? AND id = ?").params(ws, id)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("workspace_id"), rs.getLong("clip_id"),
                        rs.getString("name"), rs.getString("kind"), rs.getString("state").toLowerCase(Locale.ROOT), rs.getInt("max_posts"),
                        rs.getDouble("threshold"), rs.getLong("seed"), rs.getObject("winner_arm_id", Long.class),
                        rs.getString("stop_reason"), rs.getString("created_by"), Timestamps.instant(rs, "created_at"),
                        Timestamps.instant(rs, "stopped_at")))
                .optional();
    }

    public List<Long> ids(long ws, String state) {
        return jdbc.sql("SELECT id FROM experiments WHERE workspace_id = ? AND (? IS NULL OR state = ?) "
                        + "ORDER BY workspace_id, id DESC LIMIT 200")
                .params(ws, state, state).query(Long.class).list();
    }

    public List<Arm> arms(long experiment) {
        return jdbc.sql("SELECT id, label, variant_id, caption FROM experiment_arms WHERE experiment_id = ? "
                        + "ORDER BY experiment_id, id").param(experiment)
                .query((rs, n) -> new Arm(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class),
                        rs.getString(4))).list();
    }

    /** Each post with its latest checkpoint's score (the 7 d one once it exists). */
    public List<Post> posts(long ws, long experiment) {
        return jdbc.sql("SELECT e.arm_id, e.publication_id, (SELECT o.score FROM publication_outcomes o "
                        + "WHERE o.publication_id = e.publication_id AND o.workspace_id = ? "
                        + "ORDER BY CASE o.checkpoint WHEN '7d' THEN 3 WHEN '24h' THEN 2 ELSE 1 END DESC LIMIT 1) "
                        + "AS score FROM experiment_posts e WHERE e.experiment_id = ? ORDER BY e.arm_id, "
                        + "e.publication_id")
                .params(ws, experiment)
                .query((rs, n) -> new Post(rs.getLong(1), rs.getLong(2), rs.getObject(3, Double.class))).list();
    }

    /** The experiment's posts that have not gone out yet (scheduled or queued), for cancelling when it stops. */
    public List<Long> waiting(long ws, long experiment) {
        return jdbc.sql("SELECT p.id FROM experiment_posts e JOIN publications p ON p.id = e.publication_id "
                        + "WHERE e.experiment_id = ? AND p.workspace_id = ? AND p.state IN ('SCHEDULED', 'PENDING') "
                        + "ORDER BY p.id").params(experiment, ws).query(Long.class).list();
    }

    public int stop(long ws, long id, Long winner, String reason, Instant now) {
        return jdbc.sql("UPDATE experiments SET state = 'STOPPED', winner_arm_id = ?, stop_reason = ?, stopped_at = ? "
                        + "WHERE workspace_id = ? AND id = ? AND state = 'RUNNING'")
                .params(winner, reason, utc(now), ws, id).update();
    }
}
