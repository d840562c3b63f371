package io.socialsync.platforms.meta;

import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.MetricsFetch;
import io.socialsync.platforms.MetricsFetcher;
import io.socialsync.platforms.Platform;
import io.socialsync.platforms.PlatformHttp;
import io.socialsync.platforms.PostRef;
import io.socialsync.platforms.Values;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Meta's insights edges ({@code /{ig-media-id}/insights}, {@code /{video-id}/video_insights}): one GET with the
 * metric list, answered as {@code {"data": [{"name", "period", "values": [{"value"}]}]}} (newer metrics may carry
 * {@code total_value.value} instead); errors are sorted by {@link MetaErrors#metrics}. A Meta platform's fetcher
 * names its Graph base, edge, metric list and common names; the reading is this one.
 */
public abstract class GraphInsights implements MetricsFetcher {
    private final PlatformHttp http;
    private final Duration timeout;
    private final Platform platform;
    private final String who;
    private final String base;
    private final String edge;
    private final String metrics;
    private final Map<String, String> common;

    /**
     * @param who    the platform as people name it, in messages
     * @param common the platform's metric names that have a common name, by that name
     */
    protected GraphInsights(PlatformHttp http, Duration timeout, Platform platform, String who, String base,
                            String edge, String metrics, Map<String, String> common) {
        this.http = http;
        this.timeout = timeout;
        this.platform = platform;
        this.who = who;
        this.base = base;
        this.edge = edge;
        this.metrics = metrics;
        this.common = common;
    }

    @Override
    public final Platform platform() {
        return platform;
    }

    @Override
    public final MetricsFetch fetch(PostRef post) {
        String url = base + "/" + PlatformHttp.enc(post.externalId()) + "/" + edge + "?metric=" + metrics
                + "&access_token=" + PlatformHttp.enc(post.accessToken());
        var result = http.send(HttpRequest.newBuilder(URI.create(url)).GET(), timeout);
        if (!(result instanceof HttpResult.Answered answer)) {
            return new MetricsFetch.Failed(who + " did not answer (" + result.detail() + "): SocialSync asks "
                    + "again", MetricsFetch.Kind.RETRY);
        }
        if (!answer.ok()) {
            return MetaErrors.metrics(who, post, answer);
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
}
