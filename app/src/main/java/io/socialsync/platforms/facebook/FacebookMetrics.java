package io.socialsync.platforms.facebook;

import io.socialsync.platforms.Platform;
import io.socialsync.platforms.PlatformHttp;
import io.socialsync.platforms.PlatformSettings;
import io.socialsync.platforms.meta.GraphInsights;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A Page reel's insights: {@code GET /{video-id}/video_insights?metric=…}. SocialSync posts Facebook videos as
 * Reels, so these are the reels metrics: plays ({@code blue_reels_play_count}), plays with replays, reach
 * ({@code post_impressions_unique}), watch times in ms, and two breakdowns kept per key:
 * {@code post_video_social_actions} ({@code COMMENT}, {@code SHARE}) and
 * {@code post_video_likes_by_reaction_type} ({@code REACTION_LIKE}, {@code REACTION_LOVE}, …).
 */
@Component
public class FacebookMetrics extends GraphInsights {
    public static final String METRICS = "blue_reels_play_count,fb_reels_total_plays,fb_reels_replay_count,"
            + "post_impressions_unique,post_video_avg_time_watched,post_video_view_time,post_video_social_actions,"
            + "post_video_likes_by_reaction_type";
    static final Map<String, String> COMMON = Map.of("blue_reels_play_count", "views",
            "post_impressions_unique", "reach", "post_video_avg_time_watched", "avg_watch_time_ms",
            "post_video_view_time", "total_watch_time_ms", "post_video_social_actions.COMMENT", "comments",
            "post_video_social_actions.SHARE", "shares", "post_video_likes_by_reaction_type.REACTION_LIKE", "likes");

    public FacebookMetrics(PlatformHttp http, PlatformSettings settings) {
        super(http, settings.requestTimeout(), Platform.FACEBOOK, "Facebook", settings.facebook().baseUrl(),
                "video_insights", METRICS, COMMON);
    }
}
