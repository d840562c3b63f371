package io.socialsync.meta.webhooks;

import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** Lenient reads of webhook fields: Meta sends ids as strings or numbers, and fields come and go. */
final class Json {
    private Json() {
    }

    /** A string or integral number as text; null for anything else, missing or blank. */
    static String text(JsonNode node) {
        if (node == null || !(node.isString() || node.isIntegralNumber())) {
            return null;
        }
        String s = node.asString().strip();
        return s.isEmpty() ? null : s;
    }

    static String text(JsonNode parent, String field) {
        return text(parent.path(field));
    }

    static String lower(JsonNode parent, String field) {
        String s = text(parent, field);
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /** Only absolute http(s) URLs count as media URLs; anything else is as good as none. */
    static String httpUrl(JsonNode node) {
        String s = text(node);
        return s != null && (s.startsWith("https://") || s.startsWith("http://")) && s.length() <= 4000 ? s : null;
    }
}
