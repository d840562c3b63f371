package io.socialsync.campaigns;

import static io.socialsync.db.Timestamps.instant;
import static io.socialsync.db.Timestamps.utc;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over campaign_metrics: the time series of a campaign's insights, one row per sync. */
@Repository
class CampaignMetrics {
    private final JdbcClient jdbc;

    CampaignMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long workspaceId, long campaignId, CampaignReading r, Long jobId) {
        jdbc.sql("INSERT INTO campaign_metrics (workspace_id, campaign_id, collected_at, effective_status, "
                        + "spend_minor, impressions, reach, video_plays, thruplays, results, cost_per_result_minor, "
                        + "job_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(workspaceId, campaignId, utc(r.collectedAt()), r.effectiveStatus(), r.spendMinor(),
                        r.impressions(), r.reach(), r.videoPlays(), r.thruplays(), r.results(),
                        r.costPerResultMinor(), jobId)
                .update();
    }

    /** Oldest first, at most {@code limit} readings from {@code since}. */
    List<CampaignReading> series(long workspaceId, long campaignId, java.time.Instant since, int limit) {
        return jdbc.sql("SELECT collected_at, effective_status, spend_minor, impressions, reach, video_plays, "
                        + "thruplays, results, cost_per_result_minor FROM campaign_metrics WHERE workspace_id = ? "
                        + "AND campaign_id = ? AND collected_at >= ? ORDER BY workspace_id, campaign_id, collected_at "
                        + "LIMIT ?")
                .params(workspaceId, campaignId, utc(since), limit)
                .query((rs, n) -> {
                    long cost = rs.getLong("cost_per_result_minor");
                    Long costOrNull = rs.wasNull() ? null : cost;
                    return new CampaignReading(instant(rs, "collected_at"), rs.getString("effective_status"),
                            rs.getLong("spend_minor"), rs.getLong("impressions"), rs.getLong("reach"),
                            rs.getLong("video_plays"), rs.getLong("thruplays"), rs.getLong("results"), costOrNull);
                }).list();
    }

    /** Each campaign's spend by its latest reading, for those that have one. */
    Map<Long, Long> latestSpend(long workspaceId, Collection<Long> campaignIds) {
        var out = new HashMap<Long, Long>();
        if (!campaignIds.isEmpty()) {
            jdbc.sql("SELECT m.campaign_id, m.spend_minor FROM campaign_metrics m WHERE m.workspace_id = :ws "
                            + "AND m.campaign_id IN (:ids) AND m.collected_at = (SELECT MAX(x.collected_at) "
                            + "FROM campaign_metrics x WHERE x.workspace_id = m.workspace_id "
                            + "AND x.campaign_id = m.campaign_id)")
                    .param("ws", workspaceId).param("ids", campaignIds)
                    .query(rs -> {
                        out.put(rs.getLong(1), rs.getLong(2));
                    });
        }
        return out;
    }
}
