package io.socialsync.platforms.tiktok;

import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.MetricsFetch;
import io.socialsync.platforms.MetricsFetcher;
import io.socialsync.platforms.Platform;
import io.socialsync.platforms.PlatformHttp;
import io.socialsync.platforms.PlatformSettings;
import io.socialsync.platforms.PostRef;
import io.socialsync.platforms.Values;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v2/video/query/?fields=…} with {@code {"filters": {"video_ids": [id]}}} (scope {@code video.list}).
 * TikTok only returns videos that belong to the user, so a deleted (or no longer public) video is simply missing
 * from {@code data.videos}. No watch time outside the Business API.
 */
@Component
public class TikTokMetrics implements MetricsFetcher {
    static final String FIELDS = "id,view_count,like_count,comment_count,share_count";
    static final Map<String, String> COMMON = Map.of("view_count", "views", "like_count", "likes",
            "comment_count", "comments", "share_count", "shares");
    private static final Set<String> REAUTH = Set.of("access_token_invalid", "scope_not_authorized",
            "auth_removed", "scope_permission_missed");
    private final PlatformHttp http;
    private final PlatformSettings settings;

    public TikTokMetrics(PlatformHttp http, PlatformSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    @Override
    public Platform platform() {
        return Platform.TIKTOK;
    }

    @Override
    public MetricsFetch fetch(PostRef post) {
        if (!post.externalId().chars().allMatch(Character::isDigit)) {
            // an inbox upload, or a post whose id TikTok had not published yet: only the publish_id is known
            return new MetricsFetch.Unavailable("TikTok gave no public post id for this publication (only "
                    + post.externalId() + "), so there is no video to ask about");
        }
        var body = HttpResult.JSON.createObjectNode();
        body.putObject("filters").putArray("video_ids").add(post.externalId());
        String url = settings.tiktok().baseUrl() + "/v2/video/query/?fields=" + FIELDS;
        var result = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + post.accessToken())
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(HttpResult.JSON.writeValueAsString(body))),
                settings.requestTimeout());
        if (!(result instanceof HttpResult.Answered answer)) {
            return new MetricsFetch.Failed("TikTok did not answer (" + result.detail()
                    + "): SocialSync asks again", MetricsFetch.Kind.RETRY);
        }
        var error = answer.json().path("error");
        String code = error.path("code").asString("ok");
        if (!answer.ok() || !code.equals("ok")) {
            return error(post, answer, code, error.path("message").asString(""));
        }
        for (JsonNode video : answer.json().path("data").path("videos")) {
            if (post.externalId().equals(video.path("id").asString(""))) {
                var values = new Values(COMMON);
                for (String field : COMMON.keySet().stream().sorted().toList()) {
                    values.add(field, video.path(field));
                }
                return new MetricsFetch.Collected(values.list());
            }
        }
        return new MetricsFetch.Gone("TikTok no longer returns video " + post.externalId() + " of @" + post.handle()
                + ": it was deleted or is no longer public");
    }

    private static MetricsFetch error(PostRef post, HttpResult.Answered answer, String code, String message) {
        String raw = " (TikTok said: " + code + ": " + message + ", HTTP " + answer.status() + ")";
        if (answer.status() == 401 || REAUTH.contains(code)) {
            return new MetricsFetch.Failed("TikTok refused the access token of @" + post.handle()
                    + ": reconnect the account" + raw, MetricsFetch.Kind.REAUTH);
        }
        if (answer.status() == 429 || answer.status() >= 500 || code.equals("rate_limit_exceeded")
                || code.equals("internal_error")) {
            return new MetricsFetch.Failed("TikTok is busy or rate-limiting: SocialSync asks again later" + raw,
                    MetricsFetch.Kind.RETRY);
        }
        return new MetricsFetch.Failed("TikTok refused the metrics request" + raw, MetricsFetch.Kind.PERMANENT);
    }
}
