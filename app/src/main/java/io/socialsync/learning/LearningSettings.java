package io.socialsync.learning;

import java.time.Instant;

/**
 * A workspace's learning settings. Auto-apply is off unless a person turns it on; with it, a proposal backed by at
 * least {@code minPosts} posts of its account becomes active without a person. {@code exploration}: the share of
 * learned choices drawn uniformly instead (bounded, see ThompsonBandit).
 */
public record LearningSettings(boolean autoApply, int minPosts, double exploration, Instant updatedAt,
                               String updatedBy) {
    public static final LearningSettings DEFAULTS = new LearningSettings(false, 30, ThompsonBandit.EXPLORE, null,
            "default");
    public static final double MAX_EXPLORATION = 0.5;
}
