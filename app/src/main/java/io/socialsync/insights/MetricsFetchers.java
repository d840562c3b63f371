package io.socialsync.insights;

import io.socialsync.platforms.MetricsFetcher;
import io.socialsync.platforms.Platform;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The metrics fetcher of each platform; one per platform, found by Spring. */
@Component
public class MetricsFetchers {
    private final Map<Platform, MetricsFetcher> byPlatform = new EnumMap<>(Platform.class);

    public MetricsFetchers(List<MetricsFetcher> fetchers) {
        fetchers.forEach(f -> byPlatform.put(f.platform(), f));
    }

    public Optional<MetricsFetcher> of(Platform platform) {
        return Optional.ofNullable(byPlatform.get(platform));
    }
}
