package io.socialsync.platforms;

import java.net.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP exchange with a platform, sorted by what it tells about the call's effect: answered (we know), not
 * sent (the connection never opened, so nothing happened), or no answer (it may or may not have happened).
 */
public sealed interface HttpResult {
    JsonMapper JSON = JsonMapper.builder().build();

    /** For messages: the network error, or the HTTP status when the platform answered. */
    String detail();

    record Answered(int status, HttpHeaders headers, String body) implements HttpResult {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String detail() {
            return "HTTP " + status;
        }

        /** The body as JSON; an empty object when it is not JSON (an HTML error page, nothing). */
        public JsonNode json() {
            try {
                return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
            } catch (RuntimeException notJson) {
                return JSON.createObjectNode();
            }
        }
    }

    record NotSent(String detail) implements HttpResult {
    }

    record NoAnswer(String detail) implements HttpResult {
    }
}
