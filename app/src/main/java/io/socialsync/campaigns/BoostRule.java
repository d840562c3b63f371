package io.socialsync.campaigns;

import java.time.Instant;
import java.util.List;

/**
 * A workspace's "boost the winners" rule: when a post's 24 h score is in the top {@code topPercent} % of its
 * account's scored posts (ranked against at least {@code minPosts} of them), boost it with {@code dailyBudgetMinor}
 * (the ad account's currency) for {@code days} days in {@code countries}. Off unless a person turns it on.
 */
public record BoostRule(boolean enabled, int topPercent, long dailyBudgetMinor, int days, List<String> countries,
                        int minPosts, Instant updatedAt, String updatedBy) {
    public static final BoostRule DEFAULTS = new BoostRule(false, 10, 0, 3, List.of(), 10, null, "default");

    /** The account percentile a post must reach: top 10 % = 0.9. */
    public double threshold() {
        return (100 - topPercent) / 100.0;
    }
}
