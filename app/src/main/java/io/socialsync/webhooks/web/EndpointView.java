package io.socialsync.webhooks.web;

import io.socialsync.webhooks.WebhookEndpoint;
import java.time.Instant;
import java.util.List;

/** An endpoint as the API shows it; {@code secret} only in the creation response. */
public record EndpointView(long id, String url, List<String> eventTypes, boolean active, Instant createdAt,
                           String secret) {

    static EndpointView of(WebhookEndpoint e, boolean withSecret) {
        return new EndpointView(e.id(), e.url(), e.eventTypes(), e.active(), e.createdAt(),
                withSecret ? e.secret() : null);
    }
}
