package io.socialsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageKey;
import io.socialsync.support.ServerTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The default server: security headers, 401s that say how to authenticate, CORS off, the actuator's access. */
class HeadersAndActuatorTest extends ServerTest {
    @Autowired Storage storage;

    @Test
    void apiResponsesAreNosniffAndNoStoreAndErrorsToo() {
        for (var response : java.util.List.of(admin.get("/jobs"), admin.get("/jobs/999999999"),
                admin.withKey(null).get("/jobs"))) {
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        }
    }

    @Test
    void signedFileLinksMayBeCached() {
        var key = StorageKey.of("headers-test/clip.mp4");
        storage.put(key, new ByteArrayInputStream(new byte[100]), 100, "video/mp4");
        URI link = storage.signedUrl(key, Duration.ofMinutes(5));
        var file = admin.withKey(null).send(HttpRequest.newBuilder(link).GET());
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(file.header("Cache-Control")).isNull();
    }

    @Test
    void every401SaysHowToAuthenticate() {
        var missing = admin.withKey(null).get("/jobs");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"socialsync\"");
        var wrong = admin.withKey("ss_no-such-key-000000000000").get("/jobs");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"socialsync\", error=\"invalid_token\"");
        assertThat(admin.withKey(null).get("/actuator/metrics").header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void corsIsOffByDefault() {
        var preflight = new RawHttp("127.0.0.1", port).send("OPTIONS /uploads/tus HTTP/1.1\r\nHost: localhost\r\n"
                + "Origin: https://app.example\r\nAccess-Control-Request-Method: POST\r\nConnection: close\r\n\r\n");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        var get = admin.send(admin.request("/jobs").header("Origin", "https://app.example"));
        assertThat(get.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void healthShowsOnlyItsStatusWithoutAnAdminKey() {
        for (String path : new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness"}) {
            var anonymous = admin.withKey(null).get(path);
            // 503 where this machine has no FFmpeg: the status code, too, is all an anonymous caller learns
            assertThat(anonymous.status()).as(path).isIn(200, 503);
            // the root also names its groups (liveness, readiness): no figures, no components
            assertThat(anonymous.json().propertyNames()).as(path).isSubsetOf("status", "groups").contains("status");
            assertThat(anonymous.body()).doesNotContain("components", "diskSpace", "path", "version");
        }
        var viewer = admin.withKey(admin.post("/api-keys", "{\"name\":\"probe\",\"role\":\"viewer\"}")
                .json().get("key").asString());
        assertThat(viewer.get("/actuator/health").json().has("components")).isFalse();
        assertThat(admin.withKey("ss_wrong-0000000000000000").get("/actuator/health/liveness").status()).isEqualTo(200);

        var full = admin.get("/actuator/health").json();
        assertThat(full.get("components").has("db")).isTrue();
        assertThat(full.get("components").has("diskSpace")).isTrue();
    }

    @Test
    void metricsNeedAnAdminKey() {
        var viewer = admin.withKey(admin.post("/api-keys", "{\"name\":\"scraper\",\"role\":\"viewer\"}")
                .json().get("key").asString());
        for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/info"}) {
            assertThat(admin.withKey(null).get(path).status()).as(path).isEqualTo(401);
            var forbidden = viewer.get(path);
            assertThat(forbidden.status()).as(path).isEqualTo(403);
            assertThat(forbidden.header("Content-Type")).startsWith("application/problem+json");
            assertThat(admin.get(path).status()).as(path).isEqualTo(200);
        }
    }
}
