package io.socialsync.insights.web;

import io.socialsync.insights.MetricsCollection;
import io.socialsync.platforms.MetricValue;
import io.socialsync.publish.Publication;
import io.socialsync.publish.PublishRuns;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/** A publication's metrics series: one entry per collection, oldest first. */
@NullMarked
public record MetricsView(String publicationId, String platform, String status, @Nullable String externalId,
                          @Nullable Instant postedAt, List<Collection> collections) {

    /**
     * {@code metrics} by SocialSync's common names (views, reach, likes, comments, shares, saves, interactions,
     * avg_watch_time_ms, total_watch_time_ms: what the platform has of them), {@code platform_metrics} every
     * value under the platform's own name.
     */
    public record Collection(String checkpoint, Instant collectedAt, String status, @Nullable String detail,
                             Map<String, Number> metrics, Map<String, Number> platformMetrics) {
    }

    static MetricsView of(Publication p, PublishRuns.Result r, List<MetricsCollection> series) {
        return new MetricsView(String.valueOf(p.id()), p.platform().wire(), p.state().wire(),
                r == null ? null : r.externalId(), r == null ? null : r.postedAt(),
                series.stream().map(MetricsView::collection).toList());
    }

    private static Collection collection(MetricsCollection c) {
        var common = new LinkedHashMap<String, Number>();
        var platform = new LinkedHashMap<String, Number>();
        for (MetricValue v : c.values()) {
            if (v.metric() != null) {
                common.put(v.metric(), number(v.value()));
            }
            platform.put(v.platformMetric(), number(v.value()));
        }
        return new Collection(c.checkpoint().wire(), c.collectedAt(), c.status().wire(), c.detail(), common, platform);
    }

    /** Counts stay integers on the wire (1200, not 1200.0); averages keep their fraction. */
    static Number number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 0x1p53 ? (Number) (long) value : (Number) value;
    }
}
