package io.socialsync.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialsync.media.ffmpeg.CancelToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSRF policy and limits of URL inputs, against a server on 127.0.0.1. */
class UrlDownloadsTest {
    @TempDir
    Path dir;

    private static UrlDownloads downloads(boolean allowPrivate, long maxBytes) {
        return new UrlDownloads(new EditProperties(allowPrivate, maxBytes, Duration.ofSeconds(5),
                Duration.ofSeconds(20)));
    }

    @Test
    void privateAddressesAndOtherSchemesAreRefusedByDefault() {
        var strict = downloads(false, 1000);
        try (var server = new FileServer(Map.of("/a", new byte[] {1, 2, 3}))) {
            assertThatThrownBy(() -> strict.download(server.url("/a"), dir.resolve("a"), new CancelToken()))
                    .isInstanceOfSatisfying(DownloadFailed.class, e -> assertThat(e.permanent()).isTrue())
                    .hasMessageContaining("internal address");
        }
        for (String url : new String[] {"file:///etc/passwd", "ftp://example.com/x", "http://user:pw@example.com/",
                "http://169.254.169.254/latest/meta-data/", "http://[::1]/"}) {
            assertThatThrownBy(() -> strict.check(url)).as(url).isInstanceOf(DownloadFailed.class);
        }
    }

    @Test
    void downloadsFollowCheckedRedirectsAndStopAtTheLimit() throws Exception {
        var open = downloads(true, 10);
        try (var server = new FileServer(Map.of("/small", new byte[] {1, 2, 3}, "/big", new byte[11]))) {
            open.download(server.url("/redirect/small"), dir.resolve("s"), new CancelToken());
            assertThat(Files.readAllBytes(dir.resolve("s"))).containsExactly(1, 2, 3);
            assertThatThrownBy(() -> open.download(server.url("/big"), dir.resolve("b"), new CancelToken()))
                    .isInstanceOfSatisfying(DownloadFailed.class, e -> assertThat(e.permanent()).isTrue())
                    .hasMessageContaining("larger than 10 bytes");
            assertThatThrownBy(() -> open.download(server.url("/missing"), dir.resolve("m"), new CancelToken()))
                    .isInstanceOfSatisfying(DownloadFailed.class, e -> assertThat(e.permanent()).isTrue())
                    .hasMessageContaining("HTTP 404");
        }
    }
}
