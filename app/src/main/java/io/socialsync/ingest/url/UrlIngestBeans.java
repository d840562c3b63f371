package io.socialsync.ingest.url;

import io.socialsync.config.SocialSyncProperties;
import io.socialsync.net.AllowedHosts;
import io.socialsync.net.GuardedHttp;
import io.socialsync.net.UrlGuard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SSRF guard and HTTP client of URL ingest, from {@code socialsync.ingest.*}. */
@Configuration(proxyBeanMethods = false)
class UrlIngestBeans {

    @Bean
    UrlGuard ingestUrlGuard(SocialSyncProperties properties) {
        return new UrlGuard(AllowedHosts.parse(properties.ingest().allowedHosts()));
    }

    @Bean(destroyMethod = "close")
    GuardedHttp ingestHttp(UrlGuard ingestUrlGuard, SocialSyncProperties properties) {
        return new GuardedHttp(ingestUrlGuard, properties.ingest().connectTimeout(), properties.ingest().readTimeout(),
                "SocialSync-Ingest/1");
    }
}
