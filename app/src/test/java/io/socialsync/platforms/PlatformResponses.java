package io.socialsync.platforms;

/**
 * Answers in the shapes the platforms document, shared by the fetcher tests and the server test: Meta's insights
 * edges ({@code data[].name/period/values[].value}), TikTok's video query ({@code data.videos}, {@code error.code}
 * "ok"), YouTube's videos.list ({@code items[].statistics}, counts as strings).
 */
public final class PlatformResponses {
    private PlatformResponses() {
    }

    public static String graphMetric(String mediaId, String name, String value) {
        return "{\"name\":\"" + name + "\",\"period\":\"lifetime\",\"values\":[{\"value\":" + value + "}],"
                + "\"title\":\"" + name + "\",\"description\":\"Lifetime: " + name + "\",\"id\":\"" + mediaId
                + "/insights/" + name + "/lifetime\"}";
    }

    /** A reel's nine metrics; watch times in ms. */
    public static String instagramReel(String mediaId, int views) {
        return "{\"data\":[" + String.join(",",
                graphMetric(mediaId, "views", String.valueOf(views)),
                graphMetric(mediaId, "reach", "1200"),
                graphMetric(mediaId, "likes", "310"),
                graphMetric(mediaId, "comments", "12"),
                graphMetric(mediaId, "shares", "25"),
                graphMetric(mediaId, "saved", "40"),
                graphMetric(mediaId, "total_interactions", "387"),
                graphMetric(mediaId, "ig_reels_avg_watch_time", "5821.5"),
                graphMetric(mediaId, "ig_reels_video_view_total_time", "8912345")) + "]}";
    }

    public static String facebookReel(String videoId) {
        return "{\"data\":[" + String.join(",",
                graphMetric(videoId, "blue_reels_play_count", "950"),
                graphMetric(videoId, "fb_reels_total_plays", "1100"),
                graphMetric(videoId, "fb_reels_replay_count", "150"),
                graphMetric(videoId, "post_impressions_unique", "870"),
                graphMetric(videoId, "post_video_avg_time_watched", "4300"),
                graphMetric(videoId, "post_video_view_time", "4085000"),
                graphMetric(videoId, "post_video_social_actions", "{\"COMMENT\":9,\"SHARE\":14}"),
                graphMetric(videoId, "post_video_likes_by_reaction_type",
                        "{\"REACTION_LIKE\":61,\"REACTION_LOVE\":8}")) + "],"
                + "\"paging\":{\"previous\":\"x\",\"next\":\"y\"}}";
    }

    public static String graphError(int code, Integer subcode, String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                + (subcode == null ? "" : ",\"error_subcode\":" + subcode) + ",\"fbtrace_id\":\"AbC\"}}";
    }

    public static String tiktokVideos(String id, long views) {
        return "{\"data\":{\"videos\":[{\"id\":\"" + id + "\",\"view_count\":" + views + ",\"like_count\":520,"
                + "\"comment_count\":33,\"share_count\":71}],\"cursor\":0,\"has_more\":false},"
                + "\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"202301010000000000\"}}";
    }

    public static String tiktokNoVideos() {
        return "{\"data\":{\"videos\":[],\"cursor\":0,\"has_more\":false},"
                + "\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"202301010000000001\"}}";
    }

    public static String tiktokError(String code, String message) {
        return "{\"data\":{},\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\","
                + "\"log_id\":\"202301010000000002\"}}";
    }

    public static String youtubeVideo(String id, long views) {
        return "{\"kind\":\"youtube#videoListResponse\",\"etag\":\"e1\",\"items\":[{\"kind\":\"youtube#video\","
                + "\"etag\":\"e2\",\"id\":\"" + id + "\",\"statistics\":{\"viewCount\":\"" + views + "\","
                + "\"likeCount\":\"88\",\"favoriteCount\":\"0\",\"commentCount\":\"7\"}}],"
                + "\"pageInfo\":{\"totalResults\":1,\"resultsPerPage\":1}}";
    }

    public static String youtubeNone() {
        return "{\"kind\":\"youtube#videoListResponse\",\"etag\":\"e3\",\"items\":[],"
                + "\"pageInfo\":{\"totalResults\":0,\"resultsPerPage\":0}}";
    }

    public static String googleError(int status, String reason, String message) {
        return "{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\",\"errors\":[{\"message\":\""
                + message + "\",\"domain\":\"youtube.quota\",\"reason\":\"" + reason + "\"}]}}";
    }
}
