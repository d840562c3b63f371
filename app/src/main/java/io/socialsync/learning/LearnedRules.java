package io.socialsync.learning;

import static io.socialsync.db.Timestamps.utc;

import io.socialsync.db.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL over learned_rules and learning_settings; every query is scoped by workspace. */
@Repository
public class LearnedRules {
    private static final String COLUMNS = "id, workspace_id, social_account_id, platform, dimension, option_value, "
            + "state, posts, option_posts, mean, lower_bound, upper_bound, p_best, proposed_at, decided_at, decided_by";
    private final JdbcClient jdbc;

    public LearnedRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long ws, long account, String platform, Dimension d, int posts, Evidence e, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO learned_rules (workspace_id, social_account_id, platform, dimension, option_value, state, "
                        + "posts, option_posts, mean, lower_bound, upper_bound, p_best, proposed_at) "
                        + "VALUES (?,?,?,?,?,'PROPOSED',?,?,?,?,?,?,?)")
                .params(ws, account, platform, d.wire(), e.option(), posts, e.posts(), e.mean(), e.lower(), e.upper(),
                        e.probabilityBest(), utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Serialises proposals and decisions of one workspace (hourly task on several nodes, a person at once): the
     * workspace row first, then a rule's, everywhere.
     */
    public void lockWorkspace(long ws) {
        jdbc.sql("SELECT id FROM workspaces WHERE id = ? FOR UPDATE").param(ws).query(Long.class).single();
    }

    public Optional<LearnedRule> byId(long ws, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM learned_rules WHERE workspace_id = ? AND id = ?").params(ws, id)
                .query(LearnedRules::map).optional();
    }

    /** Locked for a decision: two decisions on one proposal are taken one after the other. */
    public Optional<LearnedRule> lock(long ws, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM learned_rules WHERE workspace_id = ? AND id = ? FOR UPDATE")
                .params(ws, id).query(LearnedRules::map).optional();
    }

    /** The workspace's proposed and active rules, by account and dimension. */
    public List<LearnedRule> current(long ws) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM learned_rules WHERE workspace_id = ? AND state IN ('PROPOSED', "
                        + "'ACTIVE') ORDER BY social_account_id, dimension, id")
                .param(ws).query(LearnedRules::map).list();
    }

    public Optional<LearnedRule> inState(long ws, long account, Dimension d, LearnedRule.State state) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM learned_rules WHERE workspace_id = ? AND social_account_id = ? "
                        + "AND dimension = ? AND state = ? ORDER BY id DESC LIMIT 1")
                .params(ws, account, d.wire(), state.name()).query(LearnedRules::map).optional();
    }

    /** Any active rule of the dimension on the platform, in any account of the workspace. */
    public boolean anyActive(long ws, String platform, Dimension d) {
        return jdbc.sql("SELECT COUNT(*) FROM learned_rules WHERE workspace_id = ? AND platform = ? AND dimension = ? "
                        + "AND state = 'ACTIVE'").params(ws, platform, d.wire()).query(Long.class).single() > 0;
    }

    public int setState(long ws, long id, LearnedRule.State from, LearnedRule.State to, Instant at, String by) {
        return jdbc.sql("UPDATE learned_rules SET state = ?, decided_at = COALESCE(decided_at, ?), "
                        + "decided_by = COALESCE(decided_by, ?) WHERE workspace_id = ? AND id = ? AND state = ?")
                .params(to.name(), utc(at), by, ws, id, from.name()).update();
    }

    public LearningSettings settings(long ws) {
        return jdbc.sql("SELECT auto_apply, min_posts, exploration, updated_at, updated_by FROM learning_settings "
                        + "WHERE workspace_id = ?").param(ws)
                .query((rs, n) -> new LearningSettings(rs.getBoolean(1), rs.getInt(2), rs.getDouble(3),
                        Timestamps.instant(rs, "updated_at"), rs.getString(5)))
                .optional().orElse(LearningSettings.DEFAULTS);
    }

    public void saveSettings(long ws, LearningSettings s) {
        int updated = jdbc.sql("UPDATE learning_settings SET auto_apply = ?, min_posts = ?, exploration = ?, "
                        + "updated_at = ?, updated_by = ? WHERE workspace_id = ?")
                .params(s.autoApply(), s.minPosts(), s.exploration(), utc(s.updatedAt()), s.updatedBy(), ws).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO learning_settings (workspace_id, auto_apply, min_posts, exploration, updated_at, "
                            + "updated_by) VALUES (?,?,?,?,?,?)")
                    .params(ws, s.autoApply(), s.minPosts(), s.exploration(), utc(s.updatedAt()), s.updatedBy())
                    .update();
        }
    }

    private static LearnedRule map(ResultSet rs, int n) throws SQLException {
        String option = rs.getString("option_value");
        var e = new Evidence(option, rs.getInt("option_posts"), rs.getDouble("mean"), rs.getDouble("lower_bound"),
                rs.getDouble("upper_bound"), rs.getDouble("p_best"));
        return new LearnedRule(rs.getLong("id"), rs.getLong("workspace_id"), rs.getLong("social_account_id"),
                rs.getString("platform"), Dimension.parse(rs.getString("dimension")).orElseThrow(), option,
                LearnedRule.State.valueOf(rs.getString("state")), rs.getInt("posts"), e,
                Timestamps.instant(rs, "proposed_at"), Timestamps.instant(rs, "decided_at"), rs.getString("decided_by"));
    }
}
