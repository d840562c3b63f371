package io.socialsync.meta.webhooks;

import io.socialsync.meta.MetaPlatform;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses a verified webhook body ({@code {object, entry:[{id, time, changes:[{field, value}]}]}}) into
 * {@link MetaChange}s, without touching the database. Messaging entries and unknown fields are skipped.
 */
public final class MetaPayloads {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MetaPayloads() {
    }

    /** {@code object} as sent (null when absent); {@code problem} set when the body was not usable at all. */
    public record Parsed(String object, List<MetaChange> changes, String problem) {
    }

    public static Parsed parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            return new Parsed(null, List.of(), "body is not JSON");
        }
        String object = Json.text(root, "object");
        Optional<MetaPlatform> platform = platform(object);
        if (platform.isEmpty()) {
            return new Parsed(object, List.of(), "object '" + object + "' is not handled");
        }
        List<MetaChange> changes = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            String account = Json.text(entry, "id");
            if (account == null) {
                continue;
            }
            for (JsonNode change : entry.path("changes")) {
                String field = Json.lower(change, "field");
                JsonNode value = change.path("value");
                (platform.get() == MetaPlatform.FACEBOOK ? FacebookChanges.of(account, field, value)
                        : InstagramChanges.of(account, field, value)).ifPresent(changes::add);
            }
        }
        return new Parsed(object, changes, null);
    }

    private static Optional<MetaPlatform> platform(String object) {
        return "page".equals(object) ? Optional.of(MetaPlatform.FACEBOOK)
                : "instagram".equals(object) ? Optional.of(MetaPlatform.INSTAGRAM) : Optional.empty();
    }
}
