package io.socialsync.learning;

import static io.socialsync.db.Timestamps.utc;

import io.socialsync.db.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over publication_outcomes; every query is scoped by workspace. */
@Repository
public class Outcomes {
    /** The checkpoints from least to most settled: a post is learned from its latest one. */
    static final List<String> CHECKPOINTS = List.of("1h", "24h", "7d");
    /** How many of an account's latest posts learning reads: a year and more of daily posts. */
    static final int HISTORY = 1_000;
    private static final String COLUMNS = "workspace_id, publication_id, checkpoint, social_account_id, platform, "
            + "clip_id, posted_at, engagement, baseline, baseline_posts, score, local_hour, preset, score_band, "
            + "length_band, hook_band, computed_at";
    private final JdbcClient jdbc;

    public Outcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Outcome o) {
        jdbc.sql("INSERT INTO publication_outcomes (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(o.workspaceId(), o.publicationId(), o.checkpoint(), o.socialAccountId(), o.platform(),
                        o.clipId(), utc(o.postedAt()), o.engagement(), o.baseline(), o.baselinePosts(), o.score(),
                        o.localHour(), o.preset(), o.scoreBand(), o.lengthBand(), o.hookBand(), utc(o.computedAt()))
                .update();
    }

    public Optional<Outcome> at(long ws, long publicationId, String checkpoint) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM publication_outcomes WHERE workspace_id = ? AND publication_id = ? "
                        + "AND checkpoint = ?")
                .params(ws, publicationId, checkpoint).query(Outcomes::map).optional();
    }

    /** Engagement of the account's latest posts before {@code before} at a checkpoint: the baseline's input. */
    public List<Double> recentEngagements(long ws, long account, String checkpoint, Instant before, int limit) {
        return jdbc.sql("SELECT engagement FROM publication_outcomes WHERE social_account_id = ? AND checkpoint = ? "
                        + "AND posted_at < ? AND workspace_id = ? "
                        + "ORDER BY social_account_id DESC, checkpoint DESC, posted_at DESC LIMIT ?")
                .params(account, checkpoint, utc(before), ws, limit).query(Double.class).list();
    }

    /**
     * The share of the account's latest {@code limit} scored posts at the checkpoint (this one left out) that scored
     * below {@code score}: 0.95 = better than 95 % of them. NaN when the account has no other scored post.
     */
    public double percentile(long ws, long account, String checkpoint, long publicationId, double score, int limit) {
        return rank(ws, account, checkpoint, publicationId, score, limit).percentile();
    }

    /** The percentile and how many posts it was taken over. */
    public record Rank(double percentile, int compared) {
    }

    public Rank rank(long ws, long account, String checkpoint, long publicationId, double score, int limit) {
        var scores = jdbc.sql("SELECT score FROM publication_outcomes WHERE social_account_id = ? AND checkpoint = ? "
                        + "AND workspace_id = ? AND publication_id <> ? "
                        + "ORDER BY social_account_id DESC, checkpoint DESC, posted_at DESC LIMIT ?")
                .params(account, checkpoint, ws, publicationId, limit).query(Double.class).list();
        return new Rank(scores.isEmpty() ? Double.NaN
                : scores.stream().filter(x -> x < score).count() / (double) scores.size(), scores.size());
    }

    /** One outcome per post of the account, its latest checkpoint, newest posts first (at most {@link #HISTORY}). */
    public List<Outcome> latestPerPost(long ws, long account) {
        var rows = jdbc.sql("SELECT " + COLUMNS + " FROM publication_outcomes WHERE workspace_id = ? "
                        + "AND social_account_id = ? ORDER BY posted_at DESC, publication_id LIMIT ?")
                .params(ws, account, HISTORY * CHECKPOINTS.size()).query(Outcomes::map).list();
        var byPost = new LinkedHashMap<Long, Outcome>();
        for (Outcome o : rows) {
            byPost.merge(o.publicationId(), o, (a, b) ->
                    CHECKPOINTS.indexOf(a.checkpoint()) >= CHECKPOINTS.indexOf(b.checkpoint()) ? a : b);
        }
        return new ArrayList<>(byPost.values()).subList(0, Math.min(HISTORY, byPost.size()));
    }

    /** The accounts of the workspace that have scored posts, with their platform. */
    public List<AccountRef> accounts(long ws) {
        return jdbc.sql("SELECT DISTINCT o.social_account_id, o.platform, a.handle, a.timezone "
                        + "FROM publication_outcomes o JOIN social_accounts a ON a.id = o.social_account_id "
                        + "WHERE o.workspace_id = ? AND a.workspace_id = ? ORDER BY o.social_account_id")
                .params(ws, ws).query((rs, n) -> new AccountRef(rs.getLong(1), rs.getString(2), rs.getString(3),
                        ZoneId.of(rs.getString(4)))).list();
    }

    public List<Long> workspaces() {
        return jdbc.sql("SELECT DISTINCT workspace_id FROM publication_outcomes ORDER BY workspace_id")
                .query(Long.class).list();
    }

    public record AccountRef(long id, String platform, String handle, ZoneId zone) {
    }

    /**
     * What a publication is learned by, read from the rows it points at in one query: its account (zone), clip
     * (score, length, hook) and variant (preset parameters). Learning only reads these tables.
     */
    public record Facts(long socialAccountId, String platform, long clipId, Instant postedAt, ZoneId zone,
                        int clipScore, long durationMs, String subScores, String presetParams) {
    }

    public Optional<Facts> facts(long ws, long publicationId) {
        return jdbc.sql("SELECT p.social_account_id, p.platform, p.clip_id, COALESCE(p.posted_at, p.scheduled_for) "
                        + "AS posted, a.timezone, c.score, c.end_ms - c.start_ms AS duration, c.sub_scores, "
                        + "v.preset_params FROM publications p "
                        + "JOIN social_accounts a ON a.id = p.social_account_id AND a.workspace_id = p.workspace_id "
                        + "JOIN clips c ON c.id = p.clip_id AND c.workspace_id = p.workspace_id "
                        + "LEFT JOIN variants v ON v.id = p.variant_id AND v.workspace_id = p.workspace_id "
                        + "WHERE p.workspace_id = ? AND p.id = ? AND p.state = 'POSTED'")
                .params(ws, publicationId)
                .query((rs, n) -> new Facts(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        Timestamps.instant(rs, "posted"), ZoneId.of(rs.getString(5)), rs.getInt(6), rs.getLong(7),
                        rs.getString(8), rs.getString(9)))
                .optional();
    }

    private static Outcome map(ResultSet rs, int n) throws SQLException {
        return new Outcome(rs.getLong("workspace_id"), rs.getLong("publication_id"), rs.getString("checkpoint"),
                rs.getLong("social_account_id"), rs.getString("platform"), rs.getLong("clip_id"),
                Timestamps.instant(rs, "posted_at"), rs.getDouble("engagement"), rs.getObject("baseline",
                Double.class), rs.getInt("baseline_posts"), rs.getDouble("score"), rs.getInt("local_hour"),
                rs.getString("preset"), rs.getString("score_band"), rs.getString("length_band"),
                rs.getString("hook_band"), Timestamps.instant(rs, "computed_at"));
    }
}
