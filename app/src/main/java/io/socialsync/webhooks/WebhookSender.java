package io.socialsync.webhooks;

import io.socialsync.config.SocialSyncProperties;
import io.socialsync.net.Fetched;
import io.socialsync.net.GuardedHttp;
import io.socialsync.net.UrlGuard;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One signed POST through the SSRF guard ({@code socialsync.webhooks.allow-private-networks} lifts its address
 * check). The guard runs at registration and again at every connection, since a name can start resolving to an
 * internal address after it was registered. Redirects are not followed: a 3xx is the receiver's answer.
 */
@Component
public class WebhookSender implements DisposableBean {
    private final Duration timeout;
    private final GuardedHttp http;

    public WebhookSender(SocialSyncProperties properties) {
        this.timeout = properties.webhooks().timeout();
        this.http = new GuardedHttp(UrlGuard.privateNetworks(properties.webhooks().allowPrivateNetworks()), timeout,
                timeout, "SocialSync-Webhooks/1");
    }

    /** A URL that may be a webhook target now. @throws UrlGuard.Refused with the reason */
    URI check(String url) {
        return http.guard().check(url);
    }

    /**
     * @return the receiver's status code
     * @throws UrlGuard.Refused when the URL or an address of its host is refused (retrying cannot help)
     * @throws IOException when no response came back in time, or the host does not resolve (now)
     */
    int send(String url, WebhookDelivery delivery, String secret, long timestamp) throws IOException {
        var headers = Map.of(
                "X-SocialSync-Event", delivery.eventType(),
                "X-SocialSync-Delivery", Long.toString(delivery.id()),
                "X-SocialSync-Timestamp", Long.toString(timestamp),
                "X-SocialSync-Signature", WebhookSignature.sign(secret, timestamp, delivery.payload()));
        // only the status matters: closing the body unread bounds the time a receiver can hold the worker
        try (Fetched response = http.post(url, headers, delivery.payload().getBytes(StandardCharsets.UTF_8),
                "application/json")) {
            return response.status();
        }
    }

    /** The longest one attempt can take: connecting, then waiting for the response. */
    Duration attemptTimeout() {
        return timeout.multipliedBy(2);
    }

    @Override
    public void destroy() throws IOException {
        http.close();
    }
}
