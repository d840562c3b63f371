package io.socialsync.meta.downloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialsync.config.SocialSyncProperties;
import io.socialsync.meta.PostType;
import io.socialsync.meta.downloads.DownloadOutcome.ErrorType;
import io.socialsync.net.UrlGuard;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The small rules of the download: extensions, keys, the alert threshold and error classes. */
class MediaRulesTest {

    @Test
    void extensionFromContentTypeWithTheSeedsFallbacks() {
        assertThat(MediaExtensions.of("video/mp4", PostType.VIDEO)).isEqualTo("mp4");
        assertThat(MediaExtensions.of("Video/QuickTime; charset=binary", PostType.VIDEO)).isEqualTo("mov");
        assertThat(MediaExtensions.of("image/png", PostType.PHOTO)).isEqualTo("png");
        assertThat(MediaExtensions.of("image/jpeg", PostType.VIDEO)).isEqualTo("jpg");
        assertThat(MediaExtensions.of(null, PostType.PHOTO)).isEqualTo("jpg");
        assertThat(MediaExtensions.of("application/octet-stream", PostType.VIDEO)).isEqualTo("mp4");
        assertThat(MediaExtensions.of("application/x-unknown", PostType.PHOTO)).isEqualTo("jpg");
        assertThat(MediaExtensions.notMedia("text/html; charset=utf-8")).isTrue();
        assertThat(MediaExtensions.notMedia("application/octet-stream")).isFalse();
    }

    @Test
    void keysFollowTheSeedsPathWithinTheKeyCharset() {
        assertThat(MediaKeys.base(7, "123_456")).isEqualTo("7/publicaciones_meta/123_456");
        assertThat(MediaKeys.base(7, "../a/b c")).isEqualTo("7/publicaciones_meta/_._a_b_c");
        assertThat(MediaKeys.safe("x".repeat(300))).hasSize(200);
    }

    @Test
    void theAlertNeedsMoreThanOneFailureInFive() {
        assertThat(BatchAlert.passesThreshold(3, 1)).isTrue();
        assertThat(BatchAlert.passesThreshold(10, 1)).isFalse();
        assertThat(BatchAlert.passesThreshold(5, 1)).isFalse(); // exactly 20% does not pass it
        assertThat(BatchAlert.passesThreshold(0, 0)).isFalse();
    }

    @Test
    void privateAddressesAreRefusedUnlessAllowed() throws Exception {
        var fetcher = new MediaFetcher(new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("socialsync", SocialSyncProperties.class));
        try {
            for (String url : new String[] {"http://127.0.0.1:9/x.jpg", "http://169.254.169.254/latest/meta-data",
                    "http://10.0.0.1/x.mp4", "http://[::1]/x", "file:///etc/passwd", "ftp://cdn/x.jpg"}) {
                assertThatThrownBy(() -> fetcher.get(url)).as(url).isInstanceOf(UrlGuard.Refused.class);
            }
        } finally {
            fetcher.destroy();
        }
    }

    @Test
    void errorClasses() {
        assertThat(MediaDownloader.httpFailure(404)).extracting("type", "retryable").containsExactly(ErrorType.HTTP_4XX, false);
        assertThat(MediaDownloader.httpFailure(403).retryable()).isFalse();
        assertThat(MediaDownloader.httpFailure(429).retryable()).isTrue();
        assertThat(MediaDownloader.httpFailure(503)).extracting("type", "retryable").containsExactly(ErrorType.HTTP_5XX, true);
        var wrapped = new io.socialsync.storage.StorageException("cannot store", new io.socialsync.net.BoundedBody.TooLarge(10));
        assertThat(MediaDownloader.classify(wrapped)).extracting("type", "retryable").containsExactly(ErrorType.TOO_LARGE, false);
        assertThat(MediaDownloader.classify(new SocketTimeoutException("Read timed out")).type()).isEqualTo(ErrorType.TIMEOUT);
        assertThat(MediaDownloader.classify(new IOException("connection reset"))).extracting("type", "retryable")
                .containsExactly(ErrorType.NETWORK, true);
        var full = new io.socialsync.storage.StorageException("cannot store x",
                new java.nio.file.FileSystemException("/data/x: No space left on device"));
        assertThat(MediaDownloader.classify(full)).extracting("type", "retryable")
                .containsExactly(ErrorType.STORAGE_FULL, true);
        assertThat(MediaDownloader.classify(full).message()).startsWith("the storage is full");
    }
}
