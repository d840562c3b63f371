package io.socialsync.campaigns;

import static io.socialsync.db.Timestamps.utc;

import io.socialsync.db.Timestamps;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over boost_rules (one row per workspace) and boost_decisions (one per publication), by workspace. */
@Repository
class BoostRules {
    private final JdbcClient jdbc;

    BoostRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    BoostRule of(long ws) {
        return jdbc.sql("SELECT enabled, top_percent, daily_budget_minor, days, countries, min_posts, updated_at, "
                        + "updated_by FROM boost_rules WHERE workspace_id = ?").param(ws)
                .query((rs, n) -> new BoostRule(rs.getBoolean(1), rs.getInt(2), rs.getLong(3), rs.getInt(4),
                        countries(rs.getString(5)), rs.getInt(6), Timestamps.instant(rs, "updated_at"),
                        rs.getString(8)))
                .optional().orElse(BoostRule.DEFAULTS);
    }

    void save(long ws, BoostRule r) {
        Object[] values = {r.enabled(), r.topPercent(), r.dailyBudgetMinor(), r.days(), String.join(",", r.countries()),
                r.minPosts(), utc(r.updatedAt()), r.updatedBy(), ws};
        int updated = jdbc.sql("UPDATE boost_rules SET enabled = ?, top_percent = ?, daily_budget_minor = ?, days = ?, "
                + "countries = ?, min_posts = ?, updated_at = ?, updated_by = ? WHERE workspace_id = ?")
                .params(values).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO boost_rules (enabled, top_percent, daily_budget_minor, days, countries, min_posts, "
                    + "updated_at, updated_by, workspace_id) VALUES (?,?,?,?,?,?,?,?,?)").params(values).update();
        }
    }

    /** The decision already taken on a publication: boosted, skipped or refused. */
    Optional<String> decision(long ws, long publicationId) {
        return jdbc.sql("SELECT decision FROM boost_decisions WHERE workspace_id = ? AND publication_id = ?")
                .params(ws, publicationId).query(String.class).optional();
    }

    /** Fails on the primary key when the publication already has a decision: the caller's transaction rolls back. */
    void decide(long ws, long publicationId, String decision, String reason, Long campaignId, Instant at) {
        jdbc.sql("INSERT INTO boost_decisions (publication_id, workspace_id, decision, reason, campaign_id, decided_at) "
                        + "VALUES (?,?,?,?,?,?)")
                .params(publicationId, ws, decision, reason, campaignId, utc(at)).update();
    }

    private static List<String> countries(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
    }
}
