package io.socialsync.campaigns;

import java.time.Instant;

/** One sync's reading of a campaign's lifetime insights; money in the currency's minor units. */
public record CampaignReading(Instant collectedAt, String effectiveStatus, long spendMinor, long impressions,
                              long reach, long videoPlays, long thruplays, long results, Long costPerResultMinor) {
}
