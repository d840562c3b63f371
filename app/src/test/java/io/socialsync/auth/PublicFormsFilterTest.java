package io.socialsync.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.socialsync.web.AuthThrottle;
import io.socialsync.web.HttpEdgeProperties;
import io.socialsync.web.RateLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The public forms' per-address bucket groups IPv6 clients by /64, as the failed-auth throttle does. */
class PublicFormsFilterTest {
    private final PublicFormsFilter filter = new PublicFormsFilter(
            new AuthProblems(new AuthThrottle(new HttpEdgeProperties.AuthThrottling(20, Duration.ofMinutes(5), 100)),
                    new SimpleMeterRegistry()), new RateLimits(2), PublicFormsFilter.BROWSER_FORMS);

    private int post(String address) throws Exception {
        var request = new MockHttpServletRequest("POST", "/app/password-reset");
        request.setRemoteAddr(address);
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    @Test
    void anotherAddressOfTheSameSlash64SharesTheBucket() throws Exception {
        assertThat(post("2001:db8:1:2::5")).isEqualTo(200);
        assertThat(post("2001:db8:1:2::6")).isEqualTo(200);
        assertThat(post("2001:db8:1:2:ffff:ffff:ffff:ffff")).as("the same /64, its bucket empty").isEqualTo(429);
        assertThat(post("2001:db8:1:3::5")).as("another /64").isEqualTo(200);
        assertThat(post("192.0.2.7")).isEqualTo(200);
    }
}
