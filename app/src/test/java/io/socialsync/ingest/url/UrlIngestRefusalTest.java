package io.socialsync.ingest.url;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.support.IngestServerTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF table through the API: every one is a 400 problem that says why, and no job is made. */
class UrlIngestRefusalTest extends IngestServerTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/v.mp4", "http://localhost/v.mp4", "http://[::1]/v.mp4",
            "http://10.0.0.5/v.mp4", "http://172.16.0.9/v.mp4", "http://192.168.0.20/v.mp4",
            "http://169.254.169.254/latest/meta-data/", "http://100.64.1.1/v.mp4", "http://[fd00::1]/v.mp4",
            "http://0.0.0.0/v.mp4", "http://[::ffff:127.0.0.1]/v.mp4", "http://2130706433/v.mp4", "http://127.1/v.mp4",
            "http://0x7f.0.0.1/v.mp4", "ftp://example.com/v.mp4", "file:///etc/passwd", "https://u:p@example.com/v.mp4"})
    void internalAndNonHttpUrlsAreRefused(String url) {
        var refused = admin.post("/ingest", "{\"url\":\"" + url + "\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("title").asString()).isEqualTo("URL refused");
        assertThat(refused.json().get("detail").asString()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"url\":\"\"}"})
    void aMissingUrlIsAValidationError(String body) {
        assertThat(admin.post("/ingest", body).status()).isEqualTo(400);
    }
}
