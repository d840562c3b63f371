package io.socialsync.ingest.url;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.socialsync.support.Api;
import io.socialsync.support.Eventually;
import io.socialsync.support.IngestServerTest;
import io.socialsync.support.TestVideos;
import io.socialsync.web.Role;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST /ingest against real HTTP sources (WireMock on 127.0.0.2, which the test settings allowlist). */
class UrlIngestTest extends IngestServerTest {
    static WireMockServer source;

    @BeforeAll
    static void startSource() {
        source = new WireMockServer(options().bindAddress(SOURCE_HOST).dynamicPort());
        source.start();
    }

    @AfterAll
    static void stopSource() {
        source.stop();
    }

    static String at(String path) {
        return "http://" + SOURCE_HOST + ":" + source.port() + path;
    }

    static Api.Response ingest(Api api, String url, String title) {
        return api.post("/ingest", "{\"url\":\"" + url + "\"" + (title == null ? "" : ",\"title\":\"" + title + "\"") + "}");
    }

    static JsonNode finished(Api api, Api.Response accepted) {
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        long job = accepted.json().get("job_id").asLong();
        Eventually.await("ingest job " + job, Duration.ofSeconds(60),
                () -> api.get("/jobs/" + job).json().get("state").asString().matches("COMPLETED|FAILED"));
        return api.get("/jobs/" + job).json();
    }

    @Test
    void aDirectMediaUrlBecomesAVideoThatKeepsItsSource() throws Exception {
        var ws = newWorkspace(Role.EDITOR);
        byte[] video = TestVideos.bytes(TestVideos.music("ingest-direct", 3));
        source.stubFor(get("/media/clip.mp4").willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody(video)));
        var job = finished(ws.api(), ingest(ws.api(), at("/media/clip.mp4"), "From the web"));
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.get("result").get("via").asString()).isEqualTo("http");
        var v = ws.api().get("/videos/" + job.get("result").get("video_id").asLong()).json();
        assertThat(v.get("source").asString()).isEqualTo("url");
        assertThat(v.get("source_url").asString()).isEqualTo(at("/media/clip.mp4"));
        assertThat(v.get("title").asString()).isEqualTo("From the web");
        assertThat(v.get("original_name").asString()).isEqualTo("clip.mp4");
        assertThat(v.get("sha256").asString()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(video)));

        // the same bytes again, behind a redirect and without a video Content-Type: sniffed, and the same Video
        source.stubFor(get("/moved").willReturn(aResponse().withStatus(301).withHeader("Location", "/blob")));
        source.stubFor(get("/blob").willReturn(aResponse().withHeader("Content-Type", "application/octet-stream").withBody(video)));
        var again = finished(ws.api(), ingest(ws.api(), at("/moved"), null));
        assertThat(again.get("state").asString()).as(again.toString()).isEqualTo("COMPLETED");
        assertThat(again.get("result").get("video_id").asLong()).isEqualTo(v.get("id").asLong());
        assertThat(again.get("result").get("duplicate").asBoolean()).isTrue();
    }

    @Test
    void redirectsAreCheckedAtEveryHop() {
        var api = newWorkspace(Role.EDITOR).api();
        String internal = "http://127.0.0.1:" + port + "/actuator/health";
        source.stubFor(get("/to-internal").willReturn(aResponse().withStatus(302).withHeader("Location", internal)));
        source.stubFor(get("/to-metadata").willReturn(aResponse().withStatus(307)
                .withHeader("Location", "http://169.254.169.254/latest/meta-data/")));
        source.stubFor(get("/to-ftp").willReturn(aResponse().withStatus(302).withHeader("Location", "ftp://" + SOURCE_HOST + "/v.mp4")));
        source.stubFor(get("/loop").willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));

        assertThat(finished(api, ingest(api, at("/to-internal"), null)).get("last_error").asString())
                .contains("refused", "127.0.0.1", "internal address");
        assertThat(finished(api, ingest(api, at("/to-metadata"), null)).get("last_error").asString())
                .contains("refused", "169.254.169.254");
        assertThat(finished(api, ingest(api, at("/to-ftp"), null)).get("last_error").asString())
                .contains("only http and https");
        var loop = finished(api, ingest(api, at("/loop"), null));
        assertThat(loop.get("state").asString()).isEqualTo("FAILED");
        assertThat(loop.get("attempt").asInt()).isEqualTo(1);
        assertThat(loop.get("last_error").asString()).contains("more than 5 redirects");
        source.verify(6, getRequestedFor(urlEqualTo("/loop")));
    }

    @Test
    void aPageWithoutYtDlpGetsAClearError() throws Exception {
        java.nio.file.Files.deleteIfExists(YT_DLP);
        var api = newWorkspace(Role.EDITOR).api();
        source.stubFor(get("/watch?v=1").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody("<!doctype html><html><body><video src=x></video></body></html>")));
        var job = finished(api, ingest(api, at("/watch?v=1"), null));
        assertThat(job.get("state").asString()).isEqualTo("FAILED");
        assertThat(job.get("attempt").asInt()).isEqualTo(1);
        assertThat(job.get("last_error").asString()).isEqualTo(YtDlp.MISSING);
    }

    @Test
    void aPageGoesThroughYtDlpAndKeepsTitleAndUploader() throws Exception {
        FakeYtDlp.install(YT_DLP, TestVideos.music("ingest-page", 3));
        try {
            var api = newWorkspace(Role.EDITOR).api();
            source.stubFor(get("/watch?v=2").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody("<html><title>a page</title></html>")));
            var job = finished(api, ingest(api, at("/watch?v=2"), null));
            assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
            assertThat(job.get("result").get("via").asString()).isEqualTo("yt-dlp");
            assertThat(job.get("result").get("duration_seconds").asDouble()).isEqualTo(3.0);
            var v = api.get("/videos/" + job.get("result").get("video_id").asLong()).json();
            assertThat(v.get("title").asString()).isEqualTo("A page title");
            assertThat(v.get("uploader").asString()).isEqualTo("Some Channel");
            assertThat(v.get("source_url").asString()).isEqualTo(at("/watch?v=2"));
            assertThat(v.get("original_name").asString()).isEqualTo("A page title.mp4");
            var args = java.nio.file.Files.readAllLines(YT_DLP.resolveSibling("yt-dlp.args"));
            assertThat(args).contains("--ignore-config", "--no-playlist", "--max-filesize", "--");
            assertThat(args.getLast()).isEqualTo(at("/watch?v=2")); // one argument, never through a shell
        } finally {
            java.nio.file.Files.deleteIfExists(YT_DLP);
        }
    }

    @Test
    void everyFetchOfYtDlpGoesThroughTheGuard() throws Exception {
        var internal = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        internal.start();
        FakeYtDlp.installFetching(YT_DLP);
        try {
            var api = newWorkspace(Role.EDITOR).api();
            byte[] video = TestVideos.bytes(TestVideos.music("ingest-proxied", 3));
            internal.stubFor(get("/secret.mp4").willReturn(aResponse().withBody(video)));
            String secret = "http://127.0.0.1:" + internal.port() + "/secret.mp4";
            source.stubFor(get("/media/page.mp4").willReturn(aResponse().withBody(video)));
            source.stubFor(get("/media/moved.mp4").willReturn(aResponse().withStatus(302).withHeader("Location", secret)));
            page("/watch?v=public", at("/media/page.mp4"));
            page("/watch?v=internal", secret);
            page("/watch?v=redirect", at("/media/moved.mp4"));

            var fine = finished(api, ingest(api, at("/watch?v=public"), null));
            assertThat(fine.get("state").asString()).as(fine.toString()).isEqualTo("COMPLETED");
            assertThat(fine.get("result").get("via").asString()).isEqualTo("yt-dlp");
            source.verify(getRequestedFor(urlEqualTo("/media/page.mp4")));
            for (String steered : new String[] {"/watch?v=internal", "/watch?v=redirect"}) {
                var job = finished(api, ingest(api, at(steered), null));
                assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("FAILED");
                assertThat(job.get("last_error").asString()).contains("refused", "127.0.0.1", "internal address");
            }
            internal.verify(0, getRequestedFor(urlEqualTo("/secret.mp4")));
        } finally {
            java.nio.file.Files.deleteIfExists(YT_DLP);
            internal.stop();
        }
    }

    /** A page whose body is the media URL the stand-in for yt-dlp fetches next. */
    private static void page(String path, String media) {
        source.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(media)));
    }

    @Test
    void clientErrorsAreFinalAndServerErrorsAreRetried() {
        var api = newWorkspace(Role.EDITOR).api();
        source.stubFor(get("/gone.mp4").willReturn(aResponse().withStatus(404)));
        source.stubFor(get("/busy.mp4").willReturn(aResponse().withStatus(503)));
        var gone = finished(api, ingest(api, at("/gone.mp4"), null));
        assertThat(gone.get("attempt").asInt()).isEqualTo(1);
        assertThat(gone.get("last_error").asString()).contains("HTTP 404");
        var busy = finished(api, ingest(api, at("/busy.mp4"), null));
        assertThat(busy.get("attempt").asInt()).isEqualTo(3);
        assertThat(busy.get("last_error").asString()).contains("HTTP 503");
    }
}
