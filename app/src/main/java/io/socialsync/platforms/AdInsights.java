package io.socialsync.platforms;

import java.math.BigDecimal;

/**
 * A campaign's status and lifetime totals as the ads platform reports them. {@code spend} is in the account's
 * currency, major units (Meta answers "12.34"); counts are 0 while nothing was delivered.
 *
 * @param postEngagements actions of type post_engagement
 */
public record AdInsights(String effectiveStatus, BigDecimal spend, long impressions, long reach, long videoPlays,
                         long thruplays, long postEngagements) {
}
