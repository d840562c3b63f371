package io.socialsync.webhooks;

import io.socialsync.domain.Invalid;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validates the event types an endpoint subscribes to: "*", exact ledger event types, or "prefix*". */
final class EventTypes {
    private static final Pattern TYPE = Pattern.compile("\\*|[a-z0-9_]{1,100}\\*?");
    private static final int MAX = 50;

    private EventTypes() {
    }

    static List<String> normalize(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return List.of(WebhookEndpoint.ALL);
        }
        var types = new LinkedHashSet<String>();
        for (String raw : requested) {
            String type = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
            if (!TYPE.matcher(type).matches()) {
                throw new Invalid("event_types: '" + raw + "' is not an event type, 'prefix*' or '*'");
            }
            types.add(type);
        }
        if (types.size() > MAX || String.join(",", types).length() > 1000) {
            throw new Invalid("event_types: at most " + MAX + " entries, 1000 characters in all");
        }
        return List.copyOf(types);
    }
}
