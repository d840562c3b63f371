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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Meta's insights edges ({@code /{ig-media-id}/insights}, {@code /{video-id}/video_insights}): one GET with the
 * metric list, answered as {@code {"data": [{"name", "period", "values": [{"value"}]}]}} (newer metrics may carry
 * {@code total_value.value} instead); errors are sorted by {@link MetaErrors#metrics}. A Meta platform's fetcher
 * names its Graph base, edge, metric list and common names; the reading is this one.
 * Meta retires metrics for all versions at once, and one retired metric makes the whole request an "invalid metric"
 * error: the metrics are then asked one by one, those refused are no longer asked for by this node (a WARN names
 * each), and the rest are collected.
 */
public abstract class GraphInsights implements MetricsFetcher {
    private static final Logger log = LoggerFactory.getLogger(GraphInsights.class);
    private final PlatformHttp http;
    private final Duration timeout;
    private final Platform platform;
    private final String who;
    private final String base;
    private final String edge;
    private final List<String> metrics;
    private final Map<String, String> common;
    private final Set<String> retired = ConcurrentHashMap.newKeySet();

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
        this.metrics = List.of(metrics.split(","));
        this.common = common;
    }

    @Override
    public final Platform platform() {
        return platform;
    }

    @Override
    public final MetricsFetch fetch(PostRef post) {
        var asked = metrics.stream().filter(m -> !retired.contains(m)).toList();
        if (asked.isEmpty()) {
            return new MetricsFetch.Failed(who + " accepts none of the insights metrics SocialSync asks for",
                    MetricsFetch.Kind.PERMANENT);
        }
        var result = ask(post, asked);
        if (result instanceof HttpResult.Answered refused && invalidMetric(refused) && retireRefused(post, asked)) {
            return fetch(post);
        }
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

    private HttpResult ask(PostRef post, List<String> asked) {
        String url = base + "/" + PlatformHttp.enc(post.externalId()) + "/" + edge + "?metric="
                + String.join(",", asked) + "&access_token=" + PlatformHttp.enc(post.accessToken());
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET(), timeout);
    }

    /** Code 100 naming a metric (not subcode 33, a missing object): "The value must be a valid insights metric". */
    private static boolean invalidMetric(HttpResult.Answered answer) {
        if (answer.ok()) {
            return false;
        }
        var error = GraphError.of(answer);
        return error.code() == 100 && error.subcode() != 33
                && error.message().toLowerCase(Locale.ROOT).contains("metric");
    }

    /** Asks each metric alone. @return whether one was refused as invalid (and is no longer asked for) */
    private boolean retireRefused(PostRef post, List<String> asked) {
        if (asked.size() < 2) {
            return false;
        }
        boolean found = false;
        for (String metric : asked) {
            if (ask(post, List.of(metric)) instanceof HttpResult.Answered alone && invalidMetric(alone)) {
                retired.add(metric);
                found = true;
                log.warn("{} refuses the insights metric {} as invalid (retired by Meta?): SocialSync no longer asks "
                        + "for it on this node; the other metrics are still collected", who, metric);
            }
        }
        return found;
    }
}
