package io.socialsync.campaigns;

import static io.socialsync.db.Timestamps.instant;
import static io.socialsync.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL over campaigns, every query by workspace. The sync's writes are fenced by its lease ({@code sync_lease}):
 * a sync whose lease was taken over changes nothing, as a worker that lost its job's lease.
 */
@Repository
class Campaigns {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, workspace_id, ad_account_id, tag, name, publication_id, post_platform, "
            + "post_id, objective, optimization_goal, billing_event, budget_kind, budget_minor, currency, "
            + "committed_minor, starts_at, ends_at, targeting, special_ad_categories, state, desired, step, intent_at, "
            + "remote_campaign_id, remote_adset_id, remote_creative_id, remote_ad_id, effective_status, "
            + "status_reason, idempotency_key, synced_at, stopped_at, ended_at, settles_at, created_at, updated_at";
    /** A remote step and the column its id goes to: never a caller's string in SQL. */
    static final Map<String, String> ID_COLUMNS = Map.of("campaign", "remote_campaign_id", "adset",
            "remote_adset_id", "creative", "remote_creative_id", "ad", "remote_ad_id");
    private final JdbcClient jdbc;

    Campaigns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param settlesAt when a reading is late enough to be the campaign's final spend if it runs to its end */
    long insert(long workspaceId, long adAccountId, String tag, String name, CampaignPlan p, Instant settlesAt,
                Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO campaigns (workspace_id, ad_account_id, tag, name, publication_id, post_platform, "
                        + "post_id, objective, optimization_goal, billing_event, budget_kind, budget_minor, currency, "
                        + "committed_minor, starts_at, ends_at, targeting, special_ad_categories, state, desired, "
                        + "idempotency_key, settles_at, created_at, updated_at) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'creating','active',?,?,?,?)")
                .params(workspaceId, adAccountId, tag, name, p.publicationId(), p.postPlatform(), p.postId(),
                        p.objective(), p.optimizationGoal(), p.billingEvent(), p.budgetKind(), p.budgetMinor(),
                        p.currency(), p.committedMinor(), utc(p.startsAt()), utc(p.endsAt()),
                        JSON.writeValueAsString(p.targeting()), JSON.writeValueAsString(p.specialAdCategories()),
                        p.idempotencyKey(), utc(settlesAt), utc(now), utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Campaign> byId(long workspaceId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaigns WHERE workspace_id = ? AND id = ?")
                .params(workspaceId, id).query((rs, n) -> map(rs)).optional();
    }

    Optional<Campaign> lock(long workspaceId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaigns WHERE workspace_id = ? AND id = ? FOR UPDATE")
                .params(workspaceId, id).query((rs, n) -> map(rs)).optional();
    }

    Optional<Campaign> byIdempotencyKey(long workspaceId, String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaigns WHERE workspace_id = ? AND idempotency_key = ?")
                .params(workspaceId, key).query((rs, n) -> map(rs)).optional();
    }

    /** Newest first, from an id cursor. */
    List<Campaign> page(long workspaceId, Long before, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaigns WHERE workspace_id = ? AND id < ? "
                        + "ORDER BY workspace_id DESC, id DESC LIMIT ?")
                .params(workspaceId, before == null ? Long.MAX_VALUE : before, limit).query((rs, n) -> map(rs)).list();
    }

    /**
     * What the workspace's campaigns may spend together, what the spend cap is weighed against. A campaign counts
     * its whole commitment (paused ones too: a resume needs no room) until it can spend no more (stopped, past its
     * end, deleted or archived on Meta) and a reading was taken at or after its {@code settles_at}: Meta reports
     * spend late, so only that reading is its final spend, counted at most its commitment. A failed one never ran.
     * Callers hold the account lock.
     */
    long committed(long workspaceId) {
        return jdbc.sql("SELECT COALESCE(SUM(CASE WHEN " + SETTLED
                        + "THEN LEAST(c.committed_minor, COALESCE((SELECT MAX(m.spend_minor) FROM campaign_metrics m "
                        + "WHERE m.workspace_id = c.workspace_id AND m.campaign_id = c.id), 0)) "
                        + "ELSE c.committed_minor END), 0) FROM campaigns c "
                        + "WHERE c.workspace_id = ? AND c.state <> 'failed'")
                .param(workspaceId).query(Long.class).single();
    }

    /** Can spend no more, and read late enough for its spend to be final. */
    private static final String SETTLED = "(c.stopped_at IS NOT NULL OR c.ended_at IS NOT NULL) "
            + "AND c.synced_at IS NOT NULL AND c.synced_at >= c.settles_at ";

    /**
     * What the workspace's campaigns have spent, each at most its commitment: money the spend cap never gets back,
     * so a boost larger than the cap less this could never be made.
     */
    long spent(long workspaceId) {
        return jdbc.sql("SELECT COALESCE(SUM(LEAST(c.committed_minor, COALESCE((SELECT MAX(m.spend_minor) "
                        + "FROM campaign_metrics m WHERE m.workspace_id = c.workspace_id AND m.campaign_id = c.id), 0))), 0) "
                        + "FROM campaigns c WHERE c.workspace_id = ? AND c.state <> 'failed'")
                .param(workspaceId).query(Long.class).single();
    }

    long live(long workspaceId) {
        return jdbc.sql("SELECT COUNT(*) FROM campaigns WHERE workspace_id = ? "
                + "AND state IN ('creating', 'active', 'paused')").param(workspaceId).query(Long.class).single();
    }

    boolean takeLease(long workspaceId, long id, String lease, Instant until, Instant now) {
        return jdbc.sql("UPDATE campaigns SET sync_lease = ?, sync_lease_until = ? WHERE workspace_id = ? AND id = ? "
                        + "AND (sync_lease IS NULL OR sync_lease_until < ?)")
                .params(lease, utc(until), workspaceId, id, utc(now)).update() == 1;
    }

    void releaseLease(long workspaceId, long id, String lease) {
        jdbc.sql("UPDATE campaigns SET sync_lease = NULL, sync_lease_until = NULL WHERE workspace_id = ? AND id = ? "
                + "AND sync_lease = ?").params(workspaceId, id, lease).update();
    }

    boolean intent(long workspaceId, long id, String lease, String step, Instant at) {
        return jdbc.sql("UPDATE campaigns SET step = ?, intent_at = ?, updated_at = ? WHERE workspace_id = ? "
                        + "AND id = ? AND sync_lease = ?")
                .params(step, utc(at), utc(at), workspaceId, id, lease).update() == 1;
    }

    boolean recorded(long workspaceId, long id, String lease, String step, String remoteId, Instant at) {
        String column = ID_COLUMNS.get(step);
        String set = column == null ? "" : column + " = ?, ";
        var params = new java.util.ArrayList<Object>();
        if (column != null) {
            params.add(remoteId);
        }
        params.addAll(List.of(step, utc(at), workspaceId, id, lease));
        return jdbc.sql("UPDATE campaigns SET " + set + "step = ?, intent_at = NULL, updated_at = ? "
                + "WHERE workspace_id = ? AND id = ? AND sync_lease = ?").params(params).update() == 1;
    }

    boolean settle(long workspaceId, long id, String lease, CampaignState state, String effectiveStatus,
                   String reason, Instant syncedAt, Instant at) {
        return jdbc.sql("UPDATE campaigns SET state = ?, effective_status = COALESCE(?, effective_status), "
                        + "status_reason = ?, synced_at = COALESCE(?, synced_at), updated_at = ? "
                        + "WHERE workspace_id = ? AND id = ? AND sync_lease = ?")
                .params(state.wire(), effectiveStatus, cut(reason), utc(syncedAt), utc(at), workspaceId, id, lease)
                .update() == 1;
    }

    /** A reason shown on the campaign, outside any sync (a job that gave up). */
    void note(long workspaceId, long id, String reason) {
        jdbc.sql("UPDATE campaigns SET status_reason = ? WHERE workspace_id = ? AND id = ?")
                .params(cut(reason), workspaceId, id).update();
    }

    /** What a person asked for; callers hold the row lock. */
    void desire(long workspaceId, long id, CampaignState desired, Instant at) {
        jdbc.sql("UPDATE campaigns SET desired = ?, updated_at = ? WHERE workspace_id = ? AND id = ?")
                .params(desired.wire(), utc(at), workspaceId, id).update();
    }

    /**
     * Campaigns to read: active and paused ones not read since {@code before}, and every one not yet settled (a
     * stopped one from its {@code settles_at}, when its final spend can be read), until a reading at or after
     * {@code settles_at}: a final reading that failed is taken again.
     */
    List<Campaign> dueForSync(Instant before, Instant now, int limit) {
        // an ad account waiting to be reconnected would refuse every call: its campaigns wait, unsynced, until then
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaigns c WHERE c.state IN ('active', 'paused', 'stopped') "
                        + "AND (c.synced_at IS NULL OR c.synced_at < ?) AND NOT (" + SETTLED + ") "
                        + "AND NOT EXISTS (SELECT 1 FROM ad_accounts a WHERE a.id = c.ad_account_id "
                        + "AND a.status = '" + AdAccount.NEEDS_REAUTH + "') "
                        + "AND (c.state <> 'stopped' OR c.settles_at <= ?) ORDER BY c.id LIMIT ?")
                .params(utc(before), utc(now), limit).query((rs, n) -> map(rs)).list();
    }

    /**
     * The campaign can spend no more from {@code at}: stopped here ({@code stopped_at}) or ended ({@code ended_at});
     * its spend is final from {@code settlesAt}. The first record of each stays, and settles_at only moves earlier.
     */
    boolean finished(long workspaceId, long id, String lease, boolean stopped, Instant at, Instant settlesAt) {
        String column = stopped ? "stopped_at" : "ended_at";
        return jdbc.sql("UPDATE campaigns SET " + column + " = COALESCE(" + column + ", ?), "
                        + "settles_at = LEAST(settles_at, ?) WHERE workspace_id = ? AND id = ? AND sync_lease = ?")
                .params(utc(at), utc(settlesAt), workspaceId, id, lease).update() == 1;
    }

    private static String cut(String reason) {
        return reason != null && reason.length() > 2000 ? reason.substring(0, 2000) : reason;
    }

    private static Campaign map(ResultSet rs) throws SQLException {
        long publicationId = rs.getLong("publication_id");
        Long publication = rs.wasNull() ? null : publicationId;
        return new Campaign(rs.getLong("id"), rs.getLong("workspace_id"), rs.getLong("ad_account_id"),
                rs.getString("tag"), rs.getString("name"), publication,
                rs.getString("post_platform"), rs.getString("post_id"), rs.getString("objective"),
                rs.getString("optimization_goal"), rs.getString("billing_event"), rs.getString("budget_kind"),
                rs.getLong("budget_minor"), rs.getString("currency"), rs.getLong("committed_minor"),
                instant(rs, "starts_at"), instant(rs, "ends_at"),
                JSON.readValue(rs.getString("targeting"), Campaign.Targeting.class),
                JSON.readValue(rs.getString("special_ad_categories"), new TypeReference<List<String>>() { }),
                CampaignState.of(rs.getString("state")), CampaignState.of(rs.getString("desired")),
                rs.getString("step"), instant(rs, "intent_at"), rs.getString("remote_campaign_id"),
                rs.getString("remote_adset_id"), rs.getString("remote_creative_id"), rs.getString("remote_ad_id"),
                rs.getString("effective_status"), rs.getString("status_reason"), rs.getString("idempotency_key"),
                instant(rs, "synced_at"), instant(rs, "stopped_at"), instant(rs, "ended_at"),
                instant(rs, "settles_at"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
