package io.socialsync.web;

import io.socialsync.support.ServerTest;
import org.springframework.test.context.TestPropertySource;

/** The server with CORS on for one origin and a throttle of 3 failed authentications per address and 5 minutes. */
@TestPropertySource(properties = {"socialsync.http.cors-allowed-origins=https://app.example, https://other.example",
        "socialsync.http.auth-throttle.max-failures=3", "socialsync.http.auth-throttle.window=5m"})
abstract class EdgeServerTest extends ServerTest {
    static final String ORIGIN = "https://app.example";
}
