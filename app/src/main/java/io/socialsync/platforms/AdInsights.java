package io.socialsync.platforms;

import java.math.BigDecimal;

/**
 * A campaign's status and lifetime totals as the ads platform reports them. {@code spend} is in the account's
 * currency, major units (Meta answers "12.34"); counts are 0 while nothing was delivered.
 *
 * @param videoPlays      video_play_actions: every start of the video, however short
 * @param thruplays       video_thruplay_watched_actions: played to the end, or for at least 15 seconds
 * @param twoSecondViews  video_continuous_2_sec_watched_actions: the result of a 2-second video views goal
 * @param postEngagements actions of type post_engagement
 */
public record AdInsights(String effectiveStatus, BigDecimal spend, long impressions, long reach, long videoPlays,
                         long thruplays, long twoSecondViews, long postEngagements) {
}
