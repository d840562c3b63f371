package io.socialsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "socialsync.rate-limit.requests-per-minute=3")
class RateLimitTest extends ServerTest {

    @Test
    void aKeyOverItsLimitGets429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            assertThat(admin.get("/jobs").status()).isEqualTo(200);
        }
        var limited = admin.get("/jobs");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
    }
}
