package io.socialsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.apikey.ApiKeyService;
import io.socialsync.apikey.BootstrapAdminKey;
import io.socialsync.support.Eventually;
import io.socialsync.support.ServerTest;
import io.socialsync.workspace.Workspaces;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ApiBehaviourTest extends ServerTest {
    @Autowired Workspaces workspaces;
    @Autowired ApiKeyService keys;

    @Test
    void theBootstrapAdminKeyIsWrittenOwnerOnly() throws Exception {
        var file = DATA.resolve(BootstrapAdminKey.FILE_NAME);
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(bootstrapKey()).startsWith("ss_").hasSizeGreaterThan(40);
    }

    @Test
    void requestsWithoutAValidKeyGetProblemJson401() {
        var anonymous = admin.withKey(null).get("/jobs");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous.json().get("status").asInt()).isEqualTo(401);
        assertThat(admin.withKey("ss_not-a-real-key-at-all").get("/jobs").status()).isEqualTo(401);

        var viaHeader = admin.withKey(null).send(admin.withKey(null).request("/jobs").header("X-API-Key", admin.key()));
        assertThat(viaHeader.status()).isEqualTo(200);
    }

    @Test
    void aJobCreatedThroughTheApiRunsOnTheWorkers() {
        var created = admin.post("/jobs", "{\"kind\":\"NOOP\",\"payload\":{\"hello\":\"world\"}}");
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        Eventually.await("job " + id + " completed", Duration.ofSeconds(20),
                () -> admin.get("/jobs/" + id).json().get("state").asString().equals("COMPLETED"));
        var job = admin.get("/jobs/" + id).json();
        assertThat(job.get("payload").get("hello").asString()).isEqualTo("world");
        assertThat(job.get("attempts")).hasSize(1);
        assertThat(job.get("progress").get("percent").asInt()).isEqualTo(100);
        var ledger = admin.get("/ledger?entity_type=job&entity_id=" + id).json().get("items");
        assertThat(ledger).extracting(e -> e.get("event_type").asString())
                .containsExactly("job_completed", "job_started", "job_created");
    }

    @Test
    void idempotencyKeyHeaderReturnsTheSameJob() {
        var first = admin.send(admin.request("/jobs").header("Content-Type", "application/json")
                .header("Idempotency-Key", "abc-123")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"kind\":\"NOOP\",\"run_at\":\"2999-01-01T00:00:00Z\"}")));
        var second = admin.send(admin.request("/jobs").header("Content-Type", "application/json")
                .header("Idempotency-Key", "abc-123")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"kind\":\"NOOP\",\"run_at\":\"2999-01-01T00:00:00Z\"}")));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(first.json().get("state").asString()).isEqualTo("SCHEDULED");
    }

    @Test
    void badInputGetsProblemJsonThatNamesTheFieldsAndChangesNothing() {
        long before = admin.get("/jobs?limit=500").json().get("items").size();
        var missing = admin.post("/jobs", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");

        var unknown = admin.post("/jobs", "{\"kind\":\"NO_SUCH_KIND\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).contains("unknown job kind");

        assertThat(admin.post("/jobs", "{not json").status()).isEqualTo(400);
        var badState = admin.get("/jobs?state=SLEEPING");
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.json().get("errors").get(0).get("field").asString()).isEqualTo("state");
        assertThat(admin.get("/jobs?limit=0").status()).isEqualTo(400);
        assertThat(admin.get("/jobs?limit=500").json().get("items").size()).isEqualTo(before);
    }

    @Test
    void unknownPropertiesAreRefusedButAJobsPayloadStaysFreeForm() {
        long before = admin.get("/jobs?limit=500").json().get("items").size();
        var camel = admin.post("/jobs", "{\"kind\":\"NOOP\",\"runAt\":\"2999-01-01T00:00:00Z\"}");
        assertThat(camel.status()).isEqualTo(400);
        assertThat(camel.header("Content-Type")).startsWith("application/problem+json");
        assertThat(camel.json().get("errors").get(0).get("field").asString()).isEqualTo("runAt");
        assertThat(camel.json().get("errors").get(0).get("message").asString()).contains("run_at");
        assertThat(admin.get("/jobs?limit=500").json().get("items").size()).isEqualTo(before);

        var free = admin.post("/jobs", "{\"kind\":\"NOOP\",\"payload\":{\"anyThing\":{\"goes\":1}}}");
        assertThat(free.status()).isEqualTo(201);
        assertThat(free.json().get("payload").get("anyThing").get("goes").asInt()).isEqualTo(1);
    }

    @Test
    void anotherWorkspacesJobIsA404() {
        long id = admin.post("/jobs", "{\"kind\":\"NOOP\"}").json().get("id").asLong();
        var other = otherWorkspace(workspaces, keys);
        var response = other.get("/jobs/" + id);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(other.post("/jobs/" + id + "/cancel", null).status()).isEqualTo(404);
        assertThat(other.get("/jobs").json().get("items")).isEmpty();
    }

    @Test
    void rolesLimitWhatAKeyMayDo() {
        var viewerKey = admin.post("/api-keys", "{\"name\":\"dashboard\",\"role\":\"viewer\"}");
        assertThat(viewerKey.status()).isEqualTo(201);
        var viewer = admin.withKey(viewerKey.json().get("key").asString());
        assertThat(viewer.get("/jobs").status()).isEqualTo(200);
        var forbidden = viewer.post("/jobs", "{\"kind\":\"NOOP\"}");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("detail").asString()).contains("editor");
        assertThat(viewer.get("/api-keys").status()).isEqualTo(403);

        long viewerId = viewerKey.json().get("id").asLong();
        String plain = viewerKey.json().get("key").asString();
        assertThat(viewerKey.json().get("public_id").asString()).matches("key_[0-9a-f]{16}");
        var listing = admin.get("/api-keys");
        // a listing names keys by their random public id: no part of any key, not even its first characters
        assertThat(listing.body()).doesNotContain(plain).doesNotContain(plain.substring(0, 8))
                .doesNotContain(bootstrapKey().substring(0, 8)).doesNotContain("prefix");
        assertThat(listing.json()).allSatisfy(k -> assertThat(k.get("public_id").asString()).startsWith("key_"));
        assertThat(admin.post("/api-keys/" + viewerId + "/revoke", null).json().get("revoked_at").isNull()).isFalse();
        assertThat(viewer.get("/jobs").status()).isEqualTo(401);
        assertThat(admin.post("/api-keys", "{\"name\":\"x\",\"role\":\"superuser\"}").status()).isEqualTo(400);
    }

    @Test
    void cancelAndRetryFollowTheStateRules() {
        long id = admin.post("/jobs", "{\"kind\":\"NOOP\",\"run_at\":\"2999-01-01T00:00:00Z\"}").json().get("id").asLong();
        assertThat(admin.post("/jobs/" + id + "/retry", null).status()).isEqualTo(409);
        assertThat(admin.post("/jobs/" + id + "/cancel", null).json().get("state").asString()).isEqualTo("CANCELLED");
        assertThat(admin.post("/jobs/" + id + "/cancel", null).status()).isEqualTo(409);
        assertThat(admin.post("/jobs/" + id + "/process", null).status()).isEqualTo(409);
        assertThat(admin.post("/jobs/" + id + "/retry", null).json().get("state").asString()).isEqualTo("AVAILABLE");
    }

    @Test
    void theDevelopmentEndpointRunsAScheduledJobNow() {
        long id = admin.post("/jobs", "{\"kind\":\"NOOP\",\"run_at\":\"2999-01-01T00:00:00Z\"}").json().get("id").asLong();
        var processed = admin.post("/jobs/" + id + "/process", null);
        assertThat(processed.status()).isEqualTo(200);
        assertThat(processed.json().get("state").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void monitoringEndpointsAnswer() {
        admin.post("/jobs", "{\"kind\":\"NOOP\"}");
        var health = admin.get("/actuator/health/readiness");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("components").has("db")).isTrue();
        assertThat(health.json().get("components").has("storage")).isTrue();
        assertThat(health.json().get("components").get("ffmpeg").get("status").asString()).isEqualTo("UP");
        assertThat(admin.withKey(null).get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(admin.withKey(null).get("/debug/health").json().get("status").asString()).isEqualTo("ok");
        var summary = admin.get("/debug/jobs/summary").json();
        assertThat(summary.get("total").asLong()).isPositive();
        assertThat(summary.get("by_kind").has("NOOP")).isTrue();
        assertThat(admin.get("/debug/ledger/recent?limit=5").json()).hasSizeLessThanOrEqualTo(5);
        var clips = admin.get("/debug/clips/summary");
        assertThat(clips.status()).isEqualTo(200);
        assertThat(clips.json().has("total")).isTrue();
        var metrics = admin.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds");
    }

    @Test
    void theOpenApiDocumentIsVersion31() {
        var docs = admin.withKey(null).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("openapi").asString()).startsWith("3.1");
        assertThat(docs.json().get("paths").has("/jobs")).isTrue();
        assertThat(docs.body()).doesNotContain("\"caller\"");
        assertThat(admin.withKey(null).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
