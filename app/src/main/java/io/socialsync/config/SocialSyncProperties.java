package io.socialsync.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings under {@code socialsync.*}; application.yml maps the environment variables onto them. */
@ConfigurationProperties("socialsync")
public record SocialSyncProperties(
        @DefaultValue("./data") Path dataDir,
        String bootstrapApiKey,
        String secretKey,
        @DefaultValue Roles roles,
        @DefaultValue Jobs jobs,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Webhooks webhooks,
        @DefaultValue Publishing publishing) {

    public record Roles(@DefaultValue("true") boolean api, @DefaultValue("true") boolean workers,
                        @DefaultValue("true") boolean scheduler) {
    }

    public record Jobs(@DefaultValue("30s") Duration lease,
                       @DefaultValue("500ms") Duration pollInterval,
                       @DefaultValue("5s") Duration reaperInterval,
                       @DefaultValue("5s") Duration backoffBase,
                       @DefaultValue("1h") Duration backoffMax,
                       String workerName,
                       List<String> kinds) {
    }

    public record RateLimit(@DefaultValue("600") int requestsPerMinute) {
    }

    /**
     * Outbound webhooks. {@code allowPrivateNetworks} lets endpoints point at loopback, private, link-local and
     * similar addresses: off by default so a workspace cannot make the server probe its own network.
     */
    public record Webhooks(@DefaultValue("10s") Duration timeout,
                           @DefaultValue("false") boolean allowPrivateNetworks) {
    }

    /** The scheduler tick: how often it runs inside {@code serve}, and how many due posts one transaction moves. */
    public record Publishing(@DefaultValue("60s") Duration tickInterval,
                             @DefaultValue("500") int tickBatch) {
    }
}
