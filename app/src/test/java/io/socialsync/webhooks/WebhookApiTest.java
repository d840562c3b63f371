package io.socialsync.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.apikey.ApiKeyService;
import io.socialsync.apikey.BootstrapAdminKey;
import io.socialsync.ledger.Actor;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** End to end over HTTP: a real H2 database, real workers, and a receiver on 127.0.0.1. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "socialsync.roles.workers=true",
        "socialsync.webhooks.allow-private-networks=true",
        "socialsync.webhooks.timeout=2s",
        "socialsync.jobs.backoff-base=50ms",
        "socialsync.jobs.poll-interval=50ms"})
@DirtiesContext // close the context (and its workers) before the data directory is deleted
class WebhookApiTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("socialsync.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    Workspaces workspaces;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WebhookSecrets secrets;

    @Test
    void jobEventsReachTheEndpointSigned() throws IOException {
        var api = new ApiClient(base(), Files.readString(dataDir.resolve(BootstrapAdminKey.FILE_NAME)).trim());
        try (var receiver = new WebhookReceiver(n -> 200)) {
            JsonNode endpoint = create(api, receiver.url(), null);
            String secret = endpoint.path("secret").asString();
            assertThat(secret).startsWith("whsec_");
            assertThat(endpoint.path("event_types").toString()).isEqualTo("[\"*\"]");
            long jobId = api.post("/jobs", Map.of("kind", "NOOP")).body().path("id").asLong();

            var deliveries = await("3 delivered events of the job", () -> {
                var items = deliveries(api, endpoint);
                return items.size() == 3 && items.stream().allMatch(d -> d.path("state").asString().equals("DELIVERED"))
                        ? items : null;
            });
            assertThat(deliveries).extracting(d -> d.path("event_type").asString())
                    .containsExactlyInAnyOrder("job_created", "job_started", "job_completed");
            for (var request : receiver.received()) {
                String ts = request.header("X-SocialSync-Timestamp");
                assertThat(request.header("X-SocialSync-Signature"))
                        .isEqualTo("sha256=" + Hmac.hex(secret, ts + "." + request.body()));
                JsonNode body = ApiClient.JSON.readTree(request.body());
                assertThat(body.path("event_type").asString()).isEqualTo(request.header("X-SocialSync-Event"));
                assertThat(body.path("id").asString()).isEqualTo(request.header("X-SocialSync-Delivery"));
                assertThat(body.path("entity_type").asString()).isEqualTo("job");
                assertThat(body.path("job_id").asLong()).isEqualTo(jobId);
                assertThat(body.path("data").path("kind").asString()).isEqualTo("NOOP");
                assertThat(body.has("occurred_at") && body.has("workspace_id")).isTrue();
            }
            // the delivery jobs' own events were not sent: exactly one delivery job per event
            var jobs = api.get("/jobs?kind=DELIVER_WEBHOOK").body().path("items");
            assertThat(jobs.size()).isEqualTo(3);
            api.delete("/webhooks/" + endpoint.path("id").asLong());
        }
    }

    @Test
    void theSigningSecretIsSealedAtRestAndAnOldPlainRowIsSealedAndStillSigns() {
        var api = newWorkspace(Role.EDITOR);
        try (var receiver = new WebhookReceiver(n -> 200)) {
            JsonNode endpoint = create(api, receiver.url(), List.of("job_completed"));
            long id = endpoint.path("id").asLong();
            String secret = endpoint.path("secret").asString();
            assertThat(rawSecret(id)).startsWith("v1:").doesNotContain(secret)
                    .doesNotContain(secret.substring("whsec_".length(), 16));
            assertThat(pingSignatureVerifiesWith(api, endpoint, receiver, secret)).isTrue();

            // a row as written before secrets were sealed: the plain secret in the column
            String legacy = "whsec_" + "legacy".repeat(7);
            jdbc.sql("UPDATE webhook_endpoints SET secret = ? WHERE id = ?").params(legacy, id).update();
            assertThat(pingSignatureVerifiesWith(api, endpoint, receiver, legacy)).isTrue();
            assertThat(secrets.sealPlaintextRows()).isEqualTo(1);
            assertThat(secrets.sealPlaintextRows()).isZero(); // idempotent: a second start finds nothing to do
            assertThat(rawSecret(id)).startsWith("v1:").doesNotContain(legacy.substring(6, 20));
            assertThat(pingSignatureVerifiesWith(api, endpoint, receiver, legacy)).isTrue();
        }
    }

    private String rawSecret(long id) {
        return jdbc.sql("SELECT secret FROM webhook_endpoints WHERE id = ?").param(id).query(String.class).single();
    }

    private boolean pingSignatureVerifiesWith(ApiClient api, JsonNode endpoint, WebhookReceiver receiver,
                                              String secret) {
        int before = receiver.received().size();
        assertThat(api.post("/webhooks/" + endpoint.path("id").asLong() + "/test", null).status()).isLessThan(300);
        var request = await("the ping", () -> receiver.received().size() > before
                ? receiver.received().get(before) : null);
        String ts = request.header("X-SocialSync-Timestamp");
        return request.header("X-SocialSync-Signature").equals("sha256=" + Hmac.hex(secret, ts + "." + request.body()));
    }

    @Test
    void aFailingReceiverIsRetriedUntilItAccepts() {
        var api = newWorkspace(Role.EDITOR);
        try (var receiver = new WebhookReceiver(n -> n == 1 ? 500 : 200)) {
            JsonNode endpoint = create(api, receiver.url(), List.of("job_completed"));
            api.post("/jobs", Map.of("kind", "NOOP"));

            JsonNode delivery = await("a delivered job_completed", () -> {
                var items = deliveries(api, endpoint);
                return items.size() == 1 && items.getFirst().path("state").asString().equals("DELIVERED")
                        ? items.getFirst() : null;
            });
            assertThat(delivery.path("event_type").asString()).isEqualTo("job_completed");
            assertThat(delivery.path("attempts").asInt()).isEqualTo(2);
            assertThat(delivery.path("last_status").asInt()).isEqualTo(200);
            assertThat(receiver.received()).hasSize(2);
            // the handler marks the delivery before the worker completes its job: wait for that too
            var job = await("the delivery's job completed", () -> {
                var j = api.get("/jobs/" + delivery.path("job_id").asLong()).body();
                return j.path("state").asString().equals("COMPLETED") ? j : null;
            });
            assertThat(job.path("attempts").size()).isEqualTo(2);
        }
    }

    @Test
    void aGoneReceiverFailsAtOnceAndIsRecordedInTheLedger() {
        var api = newWorkspace(Role.EDITOR);
        try (var receiver = new WebhookReceiver(n -> 410)) {
            JsonNode endpoint = create(api, receiver.url(), null);
            var ping = api.post("/webhooks/" + endpoint.path("id").asLong() + "/test", null);
            assertThat(ping.status()).isEqualTo(202);
            long deliveryId = ping.body().path("id").asLong();

            JsonNode delivery = await("a failed ping", () -> {
                var items = deliveries(api, endpoint);
                return items.size() == 1 && items.getFirst().path("state").asString().equals("FAILED")
                        ? items.getFirst() : null;
            });
            assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
            assertThat(delivery.path("last_status").asInt()).isEqualTo(410);
            assertThat(receiver.received()).singleElement()
                    .satisfies(r -> assertThat(r.header("X-SocialSync-Event")).isEqualTo("ping"));
            var events = api.get("/ledger?event_type=webhook_delivery_failed").body().path("items");
            assertThat(events.size()).isEqualTo(1);
            assertThat(events.get(0).path("entity_id").asString()).isEqualTo(String.valueOf(deliveryId));
            assertThat(events.get(0).path("payload").path("last_status").asInt()).isEqualTo(410);
        }
    }

    @Test
    void anotherWorkspaceCannotSeeOrTouchTheEndpoint() {
        var owner = newWorkspace(Role.EDITOR);
        var other = newWorkspace(Role.ADMIN);
        long id = create(owner, "http://127.0.0.1:9/hook", null).path("id").asLong();

        assertThat(other.get("/webhooks").body().size()).isZero();
        assertThat(other.get("/webhooks/" + id).status()).isEqualTo(404);
        assertThat(other.get("/webhooks/" + id + "/deliveries").status()).isEqualTo(404);
        assertThat(other.post("/webhooks/" + id + "/test", null).status()).isEqualTo(404);
        assertThat(other.delete("/webhooks/" + id).status()).isEqualTo(404);
        assertThat(owner.get("/webhooks/" + id).body().path("active").asBoolean()).isTrue();
        assertThat(owner.get("/webhooks/" + id).body().path("secret").isNull()).isTrue();
        assertThat(owner.delete("/webhooks/" + id).status()).isEqualTo(204);
        assertThat(owner.get("/webhooks/" + id).body().path("active").asBoolean()).isFalse();
    }

    @Test
    void viewersReadAndBadInputIsAProblem() {
        var editor = newWorkspace(Role.EDITOR);
        var response = editor.post("/webhooks", Map.of("url", "ftp://127.0.0.1/hook"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("detail").asString()).contains("only http and https");
        assertThat(editor.post("/webhooks", Map.of("url", "http://127.0.0.1/x", "event_types", List.of("Bad Type")))
                .status()).isEqualTo(400);
        var viewer = new ApiClient(base(), apiKeys.create(workspaceOf(editor), "viewer", Role.VIEWER, Actor.SYSTEM)
                .plainKey());
        assertThat(viewer.get("/webhooks").status()).isEqualTo(200);
        assertThat(viewer.post("/webhooks", Map.of("url", "http://127.0.0.1/hook")).status()).isEqualTo(403);
    }

    private JsonNode create(ApiClient api, String url, List<String> eventTypes) {
        var body = eventTypes == null ? Map.of("url", url) : Map.of("url", url, "event_types", eventTypes);
        var response = api.post("/webhooks", body);
        assertThat(response.status()).as("create webhook: %s", response.body()).isEqualTo(201);
        return response.body();
    }

    private static List<JsonNode> deliveries(ApiClient api, JsonNode endpoint) {
        var items = api.get("/webhooks/" + endpoint.path("id").asLong() + "/deliveries").body().path("items");
        return items.valueStream().toList();
    }

    private ApiClient newWorkspace(Role role) {
        long ws = workspaces.create("ws-" + UUID.randomUUID()).id();
        return new ApiClient(base(), apiKeys.create(ws, "test", role, Actor.SYSTEM).plainKey());
    }

    private long workspaceOf(ApiClient api) {
        return apiKeys.authenticate(api.key()).orElseThrow().workspaceId();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Polls until {@code probe} returns non-null, within a bounded deadline. */
    private static <T> T await(String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("timed out after " + DEADLINE + " waiting for " + what);
    }
}
