package io.socialsync.platforms;

/**
 * One number a platform reported: {@code platformMetric} in its own words ({@code ig_reels_avg_watch_time},
 * {@code viewCount}), {@code metric} SocialSync's common name for it ({@code avg_watch_time_ms}, {@code views})
 * or null when it has none.
 */
public record MetricValue(String platformMetric, String metric, double value) {
}
