package io.socialsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The browser's public forms are throttled per address like the API's credentials: each refused reset link counts
 * as a failed authentication, and past the limit (3 here) the address's posts, the login's too, get a 429 problem
 * unread. The clients connect from 127.0.0.3 and 127.0.0.4, addresses no other test uses.
 */
class PublicFormsThrottleTest extends EdgeServerTest {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    private RawHttp.Response send(String request) {
        return new RawHttp("127.0.0.1", port, "127.0.0.3").send(request);
    }

    private RawHttp.Response post(String path, String cookie, String form) {
        return send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nCookie: " + cookie
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nAccept: text/html\r\nContent-Length: "
                + form.length() + "\r\nConnection: close\r\n\r\n" + form);
    }

    @Test
    void refusedResetLinksThrottleTheAddressAndThenEveryPublicPostIs429() {
        var page = send("GET /app/password-reset/confirm?token=guess HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: text/html\r\nConnection: close\r\n\r\n");
        assertThat(page.status()).isEqualTo(200);
        String cookie = page.header("Set-Cookie").split(";")[0];
        var token = CSRF.matcher(page.body());
        assertThat(token.find()).isTrue();
        String csrf = java.net.URLEncoder.encode(token.group(1), java.nio.charset.StandardCharsets.UTF_8);
        String guess = "token=guess&password=long+enough&password_again=long+enough&_csrf=" + csrf;
        for (int i = 0; i < 3; i++) {
            assertThat(post("/app/password-reset/confirm", cookie, guess).status()).isEqualTo(401);
        }
        var blocked = post("/app/password-reset/confirm", cookie, guess);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 300L);
        assertThat(post("/login", cookie, "username=a%40example.com&password=whatever&_csrf=" + csrf).status())
                .isEqualTo(429);
        assertThat(admin.get("/jobs").status()).as("another address").isEqualTo(200);
    }

    @Test
    void theApisResetEndpointsAreLimitedPerAddressToo() {
        var api = new RawHttp("127.0.0.1", port, "127.0.0.4");
        String guess = "{\"token\":\"guess\",\"password\":\"long enough words\"}";
        String request = "POST /auth/password-reset/confirm HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                + "application/json\r\nContent-Length: " + guess.length() + "\r\nConnection: close\r\n\r\n" + guess;
        for (int i = 0; i < 3; i++) {
            assertThat(api.send(request).status()).isEqualTo(401);
        }
        var blocked = api.send(request);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.header("Content-Type")).startsWith("application/problem+json");
        String ask = "{\"email\":\"someone@example.com\"}";
        assertThat(api.send("POST /auth/password-reset HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                + "application/json\r\nContent-Length: " + ask.length() + "\r\nConnection: close\r\n\r\n" + ask)
                .status()).as("asking for reset mails from that address too").isEqualTo(429);
    }
}
