package io.socialsync.platforms.meta;

import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.MetricsFetch;
import io.socialsync.platforms.PlatformHttp;
import io.socialsync.platforms.PostRef;
import io.socialsync.platforms.Values;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Meta's insights edges ({@code /{ig-media-id}/insights}, {@code /{video-id}/video_insights}): one GET with the
 * metric list, answered as {@code {"data": [{"name", "period", "values": [{"value"}]}]}} (newer metrics may carry
 * {@code total_value.value} instead), and Graph errors sorted into what to do about them.
 */
public final class GraphInsights {
    /** Application, user and page request limits: nothing happened, ask again later. */
    private static final Set<Integer> THROTTLED = Set.of(4, 17, 32, 613, 80001, 80002);

    private GraphInsights() {
    }

    public static MetricsFetch fetch(PlatformHttp http, String base, String edge, String metrics, PostRef post,
                              Duration timeout, String platform, Map<String, String> common) {
        String url = base + "/" + PlatformHttp.enc(post.externalId()) + "/" + edge + "?metric=" + metrics
                + "&access_token=" + PlatformHttp.enc(post.accessToken());
        var result = http.send(HttpRequest.newBuilder(URI.create(url)).GET(), timeout);
        if (!(result instanceof HttpResult.Answered answer)) {
            return new MetricsFetch.Failed(platform + " did not answer (" + detail(result) + "): SocialSync asks "
                    + "again", MetricsFetch.Kind.RETRY);
        }
        if (!answer.ok()) {
            return error(platform, post, answer);
        }
        var values = new Values(common);
        for (JsonNode metric : answer.json().path("data")) {
            String name = metric.path("name").asString("");
            if (name.isEmpty()) {
                continue;
            }
            var series = metric.path("values");
            // lifetime metrics have one value; should a period give several, the last is the latest
            JsonNode value = series.isArray() && !series.isEmpty() ? series.get(series.size() - 1).path("value")
                    : metric.path("total_value").path("value");
            values.add(name, value);
        }
        return new MetricsFetch.Collected(values.list());
    }

    /**
     * Differs from the publishers' mapping in one place: code 100 with subcode 33 ("object does not exist") on a
     * media id that was posted means the post was deleted; publishers retry it, since a fresh upload can answer it
     * for a while.
     */
    static MetricsFetch error(String platform, PostRef post, HttpResult.Answered answer) {
        var error = answer.json().path("error");
        int code = error.path("code").asInt(0);
        int subcode = error.path("error_subcode").asInt(0);
        String message = error.path("error_user_msg").asString(error.path("message").asString("no message"));
        String raw = " (" + platform + " said: " + message + "; code " + code
                + (subcode != 0 ? ", subcode " + subcode : "") + ", HTTP " + answer.status() + ")";
        if (code == 190 || code == 102 || subcode == 460 || subcode == 463 || subcode == 467
                || answer.status() == 401) {
            return new MetricsFetch.Failed(platform + " refused the access token of @" + post.handle()
                    + ": reconnect the account to give SocialSync a new token" + raw, MetricsFetch.Kind.REAUTH);
        }
        if (answer.status() == 404 || (code == 100 && subcode == 33)) {
            return new MetricsFetch.Gone(platform + " post " + post.externalId() + " no longer exists" + raw);
        }
        if (code == 10 && message.toLowerCase(java.util.Locale.ROOT).contains("viewers")) {
            return new MetricsFetch.Unavailable(platform + " has no insights for this post yet: not enough "
                    + "viewers" + raw);
        }
        if (answer.status() == 429 || answer.status() >= 500 || THROTTLED.contains(code)
                || error.path("is_transient").asBoolean(false)) {
            return new MetricsFetch.Failed(platform + " is busy or rate-limiting: SocialSync asks again later" + raw,
                    MetricsFetch.Kind.RETRY);
        }
        return new MetricsFetch.Failed(platform + " refused the metrics request: " + message + raw,
                MetricsFetch.Kind.PERMANENT);
    }

    public static String detail(HttpResult result) {
        return switch (result) {
            case HttpResult.NotSent n -> n.detail();
            case HttpResult.NoAnswer n -> n.detail();
            case HttpResult.Answered a -> "HTTP " + a.status();
        };
    }
}
