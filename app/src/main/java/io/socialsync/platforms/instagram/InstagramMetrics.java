package io.socialsync.platforms.instagram;

import io.socialsync.platforms.Platform;
import io.socialsync.platforms.PlatformHttp;
import io.socialsync.platforms.PlatformSettings;
import io.socialsync.platforms.meta.GraphInsights;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A reel's insights: {@code GET /{ig-media-id}/insights?metric=…} on the publishers' Graph API base (and so its
 * version). Both watch times are in milliseconds. {@code plays} and {@code impressions} are deprecated for all
 * versions since April 2025; {@code views} replaces them.
 */
@Component
public class InstagramMetrics extends GraphInsights {
    static final String METRICS = "views,reach,likes,comments,shares,saved,total_interactions,"
            + "ig_reels_avg_watch_time,ig_reels_video_view_total_time";
    static final Map<String, String> COMMON = Map.of("views", "views", "reach", "reach", "likes", "likes",
            "comments", "comments", "shares", "shares", "saved", "saves", "total_interactions", "interactions",
            "ig_reels_avg_watch_time", "avg_watch_time_ms", "ig_reels_video_view_total_time", "total_watch_time_ms");

    public InstagramMetrics(PlatformHttp http, PlatformSettings settings) {
        super(http, settings.requestTimeout(), Platform.INSTAGRAM, "Instagram", settings.instagram().baseUrl(),
                "insights", METRICS, COMMON);
    }
}
