package io.socialsync.webhooks;

import io.socialsync.config.SocialSyncProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** One signed POST. Redirects are not followed: a 3xx could point anywhere, past the URL policy. */
@Component
public class WebhookSender implements DisposableBean {
    private final Duration timeout;
    private final HttpClient client;

    public WebhookSender(SocialSyncProperties properties) {
        this.timeout = properties.webhooks().timeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** @return the receiver's status code; IOException when no response came back in time */
    int send(URI url, WebhookDelivery delivery, String secret, long timestamp) throws IOException,
            InterruptedException {
        var request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "SocialSync-Webhooks/1")
                .header("X-SocialSync-Event", delivery.eventType())
                .header("X-SocialSync-Delivery", Long.toString(delivery.id()))
                .header("X-SocialSync-Timestamp", Long.toString(timestamp))
                .header("X-SocialSync-Signature", WebhookSignature.sign(secret, timestamp, delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                .build();
        // only the status matters: closing the body unread bounds the time a receiver can hold the worker
        var response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream unread = response.body()) {
            return response.statusCode();
        }
    }

    /** The longest one attempt can take: connecting, then waiting for the response. */
    Duration attemptTimeout() {
        return timeout.multipliedBy(2);
    }

    @Override
    public void destroy() {
        client.shutdownNow();
    }
}
