package io.socialsync.platforms.meta.ads;

import io.socialsync.platforms.MetaGraph;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code socialsync.ads.*}: where Meta's Marketing API is (tests point it at WireMock) and how long one call may
 * take; past it the outcome is unknown and the campaign sync reads back instead of creating again.
 */
@ConfigurationProperties("socialsync.ads")
public record AdsSettings(@DefaultValue(MetaGraph.URL) String baseUrl,
                          @DefaultValue("30s") Duration requestTimeout) {
    public AdsSettings {
        baseUrl = MetaGraph.or(baseUrl, MetaGraph.URL);
    }
}
