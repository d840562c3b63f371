package io.socialsync.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * A URL a workspace registered. {@code eventTypes} holds "*" (every job and publication event) or exact
 * ledger event types and "prefix*" patterns; an explicit entry may name any ledger event type. {@code secret} is
 * as stored (sealed, see {@link WebhookSecrets}), except in the endpoint a registration returns: there it is plain,
 * to be shown once.
 */
public record WebhookEndpoint(long id, long workspaceId, String url, String secret, List<String> eventTypes,
                              boolean active, Instant createdAt) {
    public static final String ALL = "*";

    public WebhookEndpoint {
        eventTypes = List.copyOf(eventTypes);
    }

    /** The events an endpoint gets when it names none: what the issue calls job and publication events. */
    public static boolean defaultFamily(String eventType) {
        return eventType.startsWith("job_") || eventType.startsWith("publish");
    }

    /** Without the secret: a record's generated toString would put it in any log line that prints one. */
    @Override
    public String toString() {
        return "WebhookEndpoint[id=" + id + ", workspaceId=" + workspaceId + ", url=" + url + ", active=" + active + "]";
    }

    WebhookEndpoint withSecret(String value) {
        return new WebhookEndpoint(id, workspaceId, url, value, eventTypes, active, createdAt);
    }

    public boolean subscribes(String eventType) {
        for (String pattern : eventTypes) {
            if (pattern.equals(ALL) ? defaultFamily(eventType)
                    : pattern.endsWith("*") ? eventType.startsWith(pattern.substring(0, pattern.length() - 1))
                    : pattern.equals(eventType)) {
                return true;
            }
        }
        return false;
    }
}
