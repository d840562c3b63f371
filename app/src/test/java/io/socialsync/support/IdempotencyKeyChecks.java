package io.socialsync.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongSupplier;
import tools.jackson.databind.JsonNode;

/**
 * The Idempotency-Key rules every endpoint that takes a key follows (docs/API.md): the same key and request answer
 * the first result and make nothing more; the same key with another request is a 422 problem that changes nothing.
 */
public final class IdempotencyKeyChecks {
    private IdempotencyKeyChecks() {
    }

    /** Sends one request with the key (in a header, or wherever the endpoint takes it). */
    @FunctionalInterface
    public interface Send {
        Api.Response send(String key, String body);
    }

    /** POST {@code path} with the key in the Idempotency-Key header. */
    public static Send header(Api api, String path) {
        return (key, body) -> api.send(api.request(path).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * @param id    what the answer names (job, publication, campaign...), equal for a replay
     * @param count how many of those the workspace has, which neither a replay nor a refused reuse may change
     */
    public static void assertReplayedAndReuseRefused(Send send, String body, String otherBody,
                                                     Function<JsonNode, String> id, LongSupplier count) {
        String key = "key-" + UUID.randomUUID();
        var first = send.send(key, body);
        assertThat(first.status()).as(first.body()).isBetween(200, 202);
        long made = count.getAsLong();

        var again = send.send(key, body);
        assertThat(again.status()).as(again.body()).isBetween(200, 202);
        assertThat(id.apply(again.json())).isEqualTo(id.apply(first.json()));

        var other = send.send(key, otherBody);
        assertThat(other.status()).as(other.body()).isEqualTo(422);
        assertThat(other.header("Content-Type")).startsWith("application/problem+json");
        assertThat(other.json().get("detail").asString()).contains("Idempotency-Key was used for another request");
        assertThat(count.getAsLong()).isEqualTo(made);
    }
}
