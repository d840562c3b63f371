package io.socialsync.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialsync.support.Api;
import io.socialsync.support.ServerTest;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** SOCIALSYNC_MANAGEMENT_PORT moves the actuator to a second port on loopback, where scrapes need no key. */
class ManagementPortTest extends ServerTest {
    static final int MANAGEMENT = freePort();

    @DynamicPropertySource
    static void managementPort(DynamicPropertyRegistry registry) {
        registry.add("management.server.port", () -> MANAGEMENT);
    }

    @Test
    void metricsAreServedWithoutAKeyOnLoopbackOnly() {
        var loopback = new Api("http://127.0.0.1:" + MANAGEMENT, null);
        var prometheus = loopback.get("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("socialsync_auth_failures_total");
        assertThat(loopback.get("/actuator/health/liveness").status()).isEqualTo(200);

        // bound to 127.0.0.1 itself, not to every address
        assertThatThrownBy(() -> new Api("http://127.0.0.2:" + MANAGEMENT, null).get("/actuator/health/liveness"))
                .isInstanceOf(UncheckedIOException.class);
        // and gone from the API port, which still listens on every address
        assertThat(admin.get("/actuator/prometheus").status()).isEqualTo(404);
        assertThat(new Api("http://127.0.0.2:" + port, admin.key()).get("/jobs").status()).isEqualTo(200);
    }

    /** The management port's errors are RFC 9457 problems like the API port's, not Spring's own JSON or nothing. */
    @Test
    void errorsOnTheManagementPortAreProblems() {
        var loopback = new Api("http://127.0.0.1:" + MANAGEMENT, null);
        assertProblem(loopback.get("/actuator/nothing-here"), 404, "Not Found");
        assertProblem(loopback.post("/actuator/health", "{}"), 405, "Method Not Allowed");
        // an endpoint's own "not found" (an unknown metric) had an empty body
        assertProblem(loopback.get("/actuator/metrics/no.such.metric"), 404, "Not Found");
        // a DOWN health answer is not an error to rewrite: its body is the health report
        assertThat(loopback.get("/actuator/health").header("Content-Type")).doesNotStartWith("application/problem");
        // what Tomcat refuses before any filter runs (ErrorsAreProblemsTest on the API port)
        var malformed = new RawHttp("127.0.0.1", MANAGEMENT).send("GET /actuator/health HTTP/1.1\r\nHost: localhost"
                + "\r\nContent-Length: twelve\r\nConnection: close\r\n\r\n");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("Content-Type")).as(malformed.toString()).startsWith("application/problem+json");
        assertThat(malformed.body()).doesNotContainIgnoringCase("tomcat").doesNotContain("<html");
    }

    private static void assertProblem(Api.Response response, int status, String title) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asString()).isEqualTo(title);
        assertThat(response.json().get("detail").asString()).isNotBlank();
    }
}
