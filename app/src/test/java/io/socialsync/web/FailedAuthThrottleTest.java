package io.socialsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The throttled client connects from 127.0.0.2, so the tests' own client on 127.0.0.1 is never blocked. */
class FailedAuthThrottleTest extends EdgeServerTest {
    @Autowired MeterRegistry meters;

    private RawHttp.Response jobs(String key) {
        return new RawHttp("127.0.0.1", port, "127.0.0.2").send("GET /jobs HTTP/1.1\r\nHost: localhost\r\n"
                + (key == null ? "" : "Authorization: Bearer " + key + "\r\n") + "Connection: close\r\n\r\n");
    }

    private double count(String name) {
        var counter = meters.find(name).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anAddressFailingTooOftenGets429WithRetryAfterWhateverKeyItSends() {
        double failures = count("socialsync.auth.failures");
        double throttled = count("socialsync.auth.throttled");
        var missing = jobs(null);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"socialsync\"");
        var wrong = jobs("ss_wrong-key-0000000000000000");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"socialsync\", error=\"invalid_token\"");
        assertThat(jobs("ss_wrong-key-1111111111111111").status()).isEqualTo(401);

        var blocked = jobs(bootstrapKey());
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.header("Content-Type")).startsWith("application/problem+json");
        assertThat(blocked.json().get("status").asInt()).isEqualTo(429);
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 300L);

        assertThat(admin.get("/jobs").status()).as("another address").isEqualTo(200);
        assertThat(count("socialsync.auth.failures") - failures).isEqualTo(3);
        assertThat(count("socialsync.auth.throttled") - throttled).isEqualTo(1);
        assertThat(admin.get("/actuator/prometheus").body())
                .contains("socialsync_auth_failures_total").contains("socialsync_auth_throttled_total");
    }
}
