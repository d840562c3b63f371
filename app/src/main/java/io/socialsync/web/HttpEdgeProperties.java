package io.socialsync.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code socialsync.http.*}: which browser origins may call the API (none by default: CORS off)
 * and how many failed authentications one client address may make before it is turned away for a while.
 */
@ConfigurationProperties("socialsync.http")
public record HttpEdgeProperties(@DefaultValue List<String> corsAllowedOrigins,
                                 @DefaultValue AuthThrottling authThrottle) {

    public HttpEdgeProperties {
        corsAllowedOrigins = corsAllowedOrigins.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * {@code maxFailures} missing or wrong keys per {@code window} and address; {@code maxAddresses} bounds the
     * memory the counts take (the least recently failing address is forgotten first).
     */
    public record AuthThrottling(@DefaultValue("20") int maxFailures, @DefaultValue("5m") Duration window,
                                 @DefaultValue("10000") int maxAddresses) {
    }
}
