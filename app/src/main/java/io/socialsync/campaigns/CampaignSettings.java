package io.socialsync.campaigns;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code socialsync.campaigns.*}.
 *
 * @param syncInterval how often a live campaign's status and insights are read (CAMPAIGN_SYNC), on nodes with
 *                     the scheduler role
 * @param syncBatch    campaigns queued per sweep
 * @param maxDays      the longest campaign accepted, start to end
 * @param spendSettlesAfter how long after a campaign can spend no more (stopped, or ended) its spend is taken as
 *                     final: until a reading that late it keeps its whole commitment under the spend cap. Meta
 *                     reports spend late, and its help says a paused ad can take up to 24 hours to stop delivering;
 *                     never less than {@code syncInterval}
 */
@ConfigurationProperties("socialsync.campaigns")
public record CampaignSettings(@DefaultValue("1h") Duration syncInterval,
                               @DefaultValue("500") int syncBatch,
                               @DefaultValue("90") int maxDays,
                               @DefaultValue("24h") Duration spendSettlesAfter) {

    /** After a stop or an end, how long until a reading counts as the campaign's final spend. */
    Duration settleDelay() {
        return spendSettlesAfter.compareTo(syncInterval) < 0 ? syncInterval : spendSettlesAfter;
    }
}
