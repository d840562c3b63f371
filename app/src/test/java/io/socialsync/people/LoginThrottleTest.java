package io.socialsync.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final LoginThrottle throttle = new LoginThrottle(new AuthProperties(false, Duration.ofMinutes(15),
            Duration.ofDays(30), Duration.ofDays(7), Duration.ofHours(1), 3, 5, Duration.ofMinutes(15), "x@y"));

    @Test
    void anAccountIsThrottledAfterItsFailuresFromAnyAddress() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("ann@example.com", "10.0.0." + i);
        }
        var refused = catchThrowableOfType(AuthRefused.class, () -> throttle.check("ann@example.com", "10.0.0.9"));
        assertThat(refused.throttled()).isTrue();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 900L);
        assertThatCode(() -> throttle.check("bob@example.com", "10.0.0.9")).doesNotThrowAnyException();
    }

    @Test
    void anAddressIsThrottledAfterItsFailuresOnAnyAccounts() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("probe-" + i + "@example.com", "192.0.2.7");
        }
        assertThat(catchThrowableOfType(AuthRefused.class, () -> throttle.check("new@example.com", "192.0.2.7"))
                .throttled()).isTrue();
        assertThatCode(() -> throttle.check("new@example.com", "192.0.2.8")).doesNotThrowAnyException();
    }
}
