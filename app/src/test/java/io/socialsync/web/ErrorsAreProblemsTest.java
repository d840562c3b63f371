package io.socialsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.support.ServerTest;
import org.junit.jupiter.api.Test;

/**
 * What Tomcat refuses before the application runs, and /error itself, answer problem+json: each case is sent as
 * raw bytes to the started server, since no HTTP client sends requests this broken.
 */
class ErrorsAreProblemsTest extends ServerTest {

    private RawHttp raw() {
        return new RawHttp("127.0.0.1", port);
    }

    private static RawHttp.Response assertProblem(RawHttp.Response response, int... statuses) {
        assertThat(response.status()).as(response.toString()).isIn((Object[]) java.util.stream.IntStream.of(statuses)
                .boxed().toArray(Integer[]::new));
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(response.status());
        assertThat(response.json().get("title").asString()).isNotBlank();
        assertThat(response.body()).doesNotContainIgnoringCase("tomcat").doesNotContain("<html");
        return response;
    }

    @Test
    void headersOverTheLimit() {
        var response = raw().send("GET /jobs HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertProblem(response, 400, 431);
    }

    @Test
    void aMalformedContentLength() {
        assertProblem(raw().send("POST /jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: twelve\r\nConnection: close\r\n\r\n{}"), 400);
    }

    @Test
    void aContentLengthBeyondAnyNumber() {
        assertProblem(raw().send("POST /jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 99999999999999999999999999\r\nConnection: close\r\n\r\n{}"), 400);
    }

    @Test
    void twoContentLengthsThatDisagree() {
        assertProblem(raw().send("POST /jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{}"), 400);
    }

    @Test
    void anEncodedSlashInThePath() {
        assertProblem(raw().send("GET /files/1%2F..%2F..%2Fsecrets HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n"), 400);
    }

    @Test
    void encodedDotSegmentsInThePath() {
        assertProblem(raw().send("GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n"), 400);
        assertProblem(raw().send("GET /files/%2e%2e/%2e%2e/%2e%2e/secrets HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n"), 400);
    }

    @Test
    void aMalformedRequestLine() {
        assertProblem(raw().send("GET /jobs{} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void theErrorPageAskedForDirectly() {
        var response = assertProblem(raw().send("GET /error HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                + "Connection: close\r\n\r\n"), 404);
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertProblem(raw().send("POST /error HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n"), 404);
    }

    @Test
    void anUnknownPathWithAKey() {
        assertProblem(raw().send("GET /no/such/thing HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                + "Authorization: Bearer " + bootstrapKey() + "\r\nConnection: close\r\n\r\n"), 404);
    }
}
