package io.socialsync.learning;

import java.util.Collection;
import java.util.Map;

/**
 * One number per post that can be compared across accounts of any size: the log-lift of its engagement over its own
 * account's recent baseline, {@code ln(1 + engagement) − mean(ln(1 + engagement) of the account's last posts)}.
 * 0 is an ordinary post for that account, +0.69 twice its usual engagement, −0.69 half: a 2 M follower account and a
 * 2 k one both score a post that doubled their usual at 0.69, so neither drowns the other. Logs also tame the
 * occasional viral post, which would dominate a mean of raw counts.
 */
public final class EngagementScore {
    /** How many of the account's latest posts (at the same checkpoint) make its baseline. */
    public static final int BASELINE_POSTS = 30;

    private EngagementScore() {
    }

    /**
     * Engagement from the common metrics: likes + 2 × comments + 3 × shares + 2 × saves (acts that cost the viewer
     * more weigh more), the platform's {@code interactions} when it gives none of those, plus 1 % of views so a post
     * seen widely but rarely liked is not zero. Absent metrics count 0. Null when nothing usable was collected.
     */
    public static Double engagement(Map<String, Double> metrics) {
        double likes = metrics.getOrDefault("likes", 0.0);
        double comments = metrics.getOrDefault("comments", 0.0);
        double shares = metrics.getOrDefault("shares", 0.0);
        double saves = metrics.getOrDefault("saves", 0.0);
        boolean acts = metrics.containsKey("likes") || metrics.containsKey("comments")
                || metrics.containsKey("shares") || metrics.containsKey("saves");
        double interactions = acts ? likes + 2 * comments + 3 * shares + 2 * saves
                : metrics.getOrDefault("interactions", 0.0);
        boolean any = acts || metrics.containsKey("interactions") || metrics.containsKey("views");
        return any ? Math.max(0, interactions + 0.01 * metrics.getOrDefault("views", 0.0)) : null;
    }

    public static double log(double engagement) {
        return Math.log1p(Math.max(0, engagement));
    }

    /** The mean log engagement of earlier posts; 0 posts → NaN (the caller scores 0: no baseline yet). */
    public static double baseline(Collection<Double> earlierEngagements) {
        return earlierEngagements.stream().mapToDouble(EngagementScore::log).average().orElse(Double.NaN);
    }

    public static double score(double engagement, double baseline) {
        return Double.isNaN(baseline) ? 0 : log(engagement) - baseline;
    }
}
