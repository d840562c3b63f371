package io.socialsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.web.HttpEdgeProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthThrottleTest {
    private final AuthThrottle throttle = new AuthThrottle(
            new HttpEdgeProperties.AuthThrottling(3, Duration.ofMinutes(5), 100));

    @Test
    void anAddressIsBlockedAfterItsFailuresUntilTheWindowRefills() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.secondsBlocked("203.0.113.7")).isZero();
            throttle.failed("203.0.113.7");
        }
        // one failure's worth of the window: 5 min / 3
        assertThat(throttle.secondsBlocked("203.0.113.7")).isBetween(1L, 101L);
        assertThat(throttle.secondsBlocked("203.0.113.8")).isZero();
    }

    @Test
    void manyAddressesTakeBoundedMemory() {
        for (int i = 0; i < 5000; i++) {
            throttle.failed("10.0." + (i / 256) + "." + (i % 256));
        }
        assertThat(throttle.size()).isEqualTo(100);
    }

    @Test
    void theLeastRecentlyFailingAddressIsForgottenFirst() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("198.51.100.1");
        }
        for (int i = 0; i < 99; i++) {
            throttle.failed("10.1.0." + i);
            throttle.failed("198.51.100.1");
        }
        assertThat(throttle.secondsBlocked("198.51.100.1")).isPositive();
    }

    @Test
    void anIpv6HostCountsByItsSlash64() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("2001:db8:1:2:0:0:0:" + (i + 1));
        }
        assertThat(throttle.secondsBlocked("2001:db8:1:2:ffff:ffff:ffff:ffff")).isPositive();
        assertThat(throttle.secondsBlocked("2001:db8:1:3:0:0:0:1")).isZero();
        assertThat(ClientAddress.key("2001:db8:1:2::5")).isEqualTo(ClientAddress.key("2001:db8:1:2:0:0:0:9"))
                .endsWith("/64");
        assertThat(ClientAddress.key("192.0.2.1")).isEqualTo("192.0.2.1");
    }
}
