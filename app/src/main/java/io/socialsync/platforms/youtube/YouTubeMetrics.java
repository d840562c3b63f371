package io.socialsync.platforms.youtube;

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
 * {@code GET /youtube/v3/videos?part=statistics&id=…}: counts as strings ({@code viewCount}, {@code likeCount},
 * {@code favoriteCount}, {@code commentCount}; a hidden like count is absent). A deleted video is an empty
 * {@code items} list. Watch time needs the YouTube Analytics API, which SocialSync does not call.
 */
@Component
public class YouTubeMetrics implements MetricsFetcher {
    static final Map<String, String> COMMON = Map.of("viewCount", "views", "likeCount", "likes",
            "commentCount", "comments");
    private static final Set<String> LATER = Set.of("quotaExceeded", "dailyLimitExceeded", "rateLimitExceeded",
            "userRateLimitExceeded", "backendError");
    private final PlatformHttp http;
    private final PlatformSettings settings;

    public YouTubeMetrics(PlatformHttp http, PlatformSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    @Override
    public Platform platform() {
        return Platform.YOUTUBE;
    }

    @Override
    public MetricsFetch fetch(PostRef post) {
        String url = settings.youtube().baseUrl() + "/youtube/v3/videos?part=statistics&id="
                + PlatformHttp.enc(post.externalId());
        var result = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + post.accessToken()).GET(), settings.requestTimeout());
        if (!(result instanceof HttpResult.Answered answer)) {
            return new MetricsFetch.Failed("YouTube did not answer (" + result.detail()
                    + "): SocialSync asks again", MetricsFetch.Kind.RETRY);
        }
        if (!answer.ok()) {
            return error(post, answer);
        }
        for (JsonNode item : answer.json().path("items")) {
            if (post.externalId().equals(item.path("id").asString(""))) {
                var values = new Values(COMMON);
                var statistics = item.path("statistics");
                for (String field : statistics.propertyNames()) {
                    values.add(field, statistics.path(field));
                }
                return new MetricsFetch.Collected(values.list());
            }
        }
        return new MetricsFetch.Gone("YouTube no longer has video " + post.externalId() + " of " + post.handle()
                + ": it was deleted or made private");
    }

    private static MetricsFetch error(PostRef post, HttpResult.Answered answer) {
        var error = answer.json().path("error");
        String reason = error.path("errors").path(0).path("reason").asString("");
        String raw = " (YouTube said: " + error.path("message").asString("no message")
                + (reason.isEmpty() ? "" : "; " + reason) + ", HTTP " + answer.status() + ")";
        if (answer.status() == 401) {
            return new MetricsFetch.Failed("YouTube refused the access token of " + post.handle()
                    + ": reconnect the account (Google tokens of apps in \"Testing\" expire after 7 days)" + raw,
                    MetricsFetch.Kind.REAUTH);
        }
        if (answer.status() == 404 || reason.equals("videoNotFound")) {
            return new MetricsFetch.Gone("YouTube no longer has video " + post.externalId() + raw);
        }
        if (answer.status() == 429 || answer.status() >= 500 || LATER.contains(reason)) {
            return new MetricsFetch.Failed("YouTube is busy or out of quota: SocialSync asks again later" + raw,
                    MetricsFetch.Kind.RETRY);
        }
        return new MetricsFetch.Failed("YouTube refused the metrics request" + raw, MetricsFetch.Kind.PERMANENT);
    }
}
