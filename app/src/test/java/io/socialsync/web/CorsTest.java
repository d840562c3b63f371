package io.socialsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Browser uploaders (tus-js-client, Uppy) from a listed origin: preflights pass without a key, tus headers show. */
class CorsTest extends EdgeServerTest {

    private RawHttp.Response send(String request) {
        return new RawHttp("127.0.0.1", port).send(request);
    }

    @Test
    void aPreflightForATusUploadPassesWithoutAKey() {
        var preflight = send("OPTIONS /uploads/tus HTTP/1.1\r\nHost: localhost\r\nOrigin: " + ORIGIN + "\r\n"
                + "Access-Control-Request-Method: PATCH\r\n"
                + "Access-Control-Request-Headers: authorization, tus-resumable, upload-offset, content-type\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("PATCH", "HEAD", "POST", "DELETE");
        assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase())
                .contains("authorization", "tus-resumable", "upload-offset", "content-type");
    }

    @Test
    void responsesToAListedOriginExposeTheTusHeaders() {
        var created = send("POST /uploads/tus HTTP/1.1\r\nHost: localhost\r\nOrigin: " + ORIGIN + "\r\n"
                + "Authorization: Bearer " + bootstrapKey() + "\r\nTus-Resumable: 1.0.0\r\nUpload-Length: 100\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        assertThat(created.header("Access-Control-Expose-Headers"))
                .contains("Location", "Upload-Offset", "Upload-Length", "Tus-Resumable");

        var refused = send("GET /jobs HTTP/1.1\r\nHost: localhost\r\nOrigin: " + ORIGIN + "\r\nConnection: close\r\n\r\n");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Access-Control-Allow-Origin")).as("the page may read the problem").isEqualTo(ORIGIN);
    }

    @Test
    void anOriginNotListedIsRefusedAsAProblem() {
        var preflight = send("OPTIONS /jobs HTTP/1.1\r\nHost: localhost\r\nOrigin: https://evil.example\r\n"
                + "Access-Control-Request-Method: POST\r\nConnection: close\r\n\r\n");
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.header("Content-Type")).startsWith("application/problem+json");
        assertThat(preflight.json().get("status").asInt()).isEqualTo(403);
    }
}
