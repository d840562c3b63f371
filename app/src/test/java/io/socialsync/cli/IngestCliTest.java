package io.socialsync.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.socialsync.ingest.url.YtDlp;
import io.socialsync.support.TestDatabases;
import io.socialsync.support.TestVideos;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** {@code socialsync ingest URL} as a user runs it, against a WireMock source on the allowlisted 127.0.0.2. */
class IngestCliTest {
    static final Path DATA = TestDatabases.tempDir("ingest-cli-test");
    static final Map<String, String> SETTINGS = Map.of(
            "socialsync.data-dir", DATA.toString(),
            "spring.datasource.url", TestDatabases.freshH2(DATA).url(),
            "socialsync.ingest.allowed-hosts", "127.0.0.2",
            "socialsync.ingest.yt-dlp", DATA.resolve("no-yt-dlp-here").toString());
    static WireMockServer source;

    @BeforeAll
    static void start() {
        SETTINGS.forEach(System::setProperty);
        source = new WireMockServer(options().bindAddress("127.0.0.2").dynamicPort());
        source.start();
    }

    @AfterAll
    static void stop() {
        source.stop();
        SETTINGS.keySet().forEach(System::clearProperty);
    }

    static String at(String path) {
        return "http://127.0.0.2:" + source.port() + path;
    }

    @Test
    void ingestsADirectUrlAndPrintsTheVideo() {
        byte[] video = TestVideos.bytes(TestVideos.music("cli-ingest", 3));
        source.stubFor(get("/v/clip.mp4").willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody(video)));
        var run = CliTest.run("ingest", at("/v/clip.mp4"), "--title", "From the CLI");
        assertThat(run.exit()).as(run.err()).isZero();
        var json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json.get("source").asString()).isEqualTo("url");
        assertThat(json.get("source_url").asString()).isEqualTo(at("/v/clip.mp4"));
        assertThat(json.get("title").asString()).isEqualTo("From the CLI");
        assertThat(json.get("size_bytes").asLong()).isEqualTo(video.length);
        assertThat(run.err()).contains("ingest [", "ingested video " + json.get("id").asLong());
    }

    @Test
    void failuresAreOneLineAndExit1() {
        var refused = CliTest.run("ingest", "http://169.254.169.254/latest/meta-data/");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err().strip()).startsWith("socialsync: host 169.254.169.254 resolves to 169.254.169.254")
                .doesNotContain("\n");

        source.stubFor(get("/watch").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<html></html>")));
        var page = CliTest.run("ingest", at("/watch"));
        assertThat(page.exit()).isEqualTo(1);
        assertThat(page.err().lines().filter(l -> l.startsWith("socialsync: ")).toList())
                .containsExactly("socialsync: " + YtDlp.MISSING);
        assertThat(page.out()).isEmpty();
    }
}
