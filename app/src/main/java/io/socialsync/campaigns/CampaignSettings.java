package io.socialsync.campaigns;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code socialsync.campaigns.*}.
 *
 * @param syncInterval how often a live campaign's status and insights are read (CAMPAIGN_SYNC), on nodes with
 *                     the scheduler role; also how long after its end a campaign is still read, for late figures
 * @param syncBatch    campaigns queued per sweep
 * @param maxDays      the longest campaign accepted, start to end
 */
@ConfigurationProperties("socialsync.campaigns")
public record CampaignSettings(@DefaultValue("1h") Duration syncInterval,
                               @DefaultValue("500") int syncBatch,
                               @DefaultValue("90") int maxDays) {
}
