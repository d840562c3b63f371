package io.socialsync.edit;

import io.socialsync.config.PrivateFiles;
import io.socialsync.media.ffmpeg.CancelToken;
import io.socialsync.net.Fetched;
import io.socialsync.net.GuardedHttp;
import io.socialsync.net.UrlGuard;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Fetches URL inputs through the SSRF guard ({@code socialsync.edit.allow-private-networks} lifts its address
 * check): the guarded client checks every connection's addresses and every redirect hop.
 */
@Component
public class UrlDownloads implements DisposableBean {
    private final EditProperties properties;
    private final GuardedHttp http;

    public UrlDownloads(EditProperties properties) {
        this.properties = properties;
        this.http = new GuardedHttp(UrlGuard.privateNetworks(properties.allowPrivateNetworks()),
                properties.connectTimeout(), properties.downloadTimeout(), "SocialSync/1");
    }

    /** Request-time check; throws {@link DownloadFailed} (permanent) with a message fit for a field error. */
    public URI check(String url) {
        try {
            return http.guard().check(url);
        } catch (UrlGuard.Refused e) {
            throw new DownloadFailed(e.getMessage(), true, e);
        }
    }

    /** Streams the body of {@code url} into {@code target}, at most {@code maxDownloadBytes}. */
    public void download(String url, Path target, CancelToken cancel) {
        try (Fetched response = http.get(url)) {
            URI uri = response.url();
            int status = response.status();
            if (status != 200) {
                throw new DownloadFailed(uri + " answered HTTP " + status, status / 100 == 4 || status / 100 == 3);
            }
            if (response.contentLength() > properties.maxDownloadBytes()) throw tooLarge(uri);
            copy(response.body(), target, uri, cancel);
        } catch (UrlGuard.Refused e) {
            throw new DownloadFailed(e.getMessage(), true, e);
        } catch (IOException e) {
            throw new DownloadFailed("downloading " + url + " failed: " + e.getMessage(), false, e);
        }
    }

    /** Counts as it goes: a missing or lying Content-Length must not let a body fill the disk. */
    private void copy(InputStream body, Path target, URI uri, CancelToken cancel) throws IOException {
        long deadline = System.nanoTime() + properties.downloadTimeout().toNanos();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = PrivateFiles.newOutputStream(target)) {
            for (int n; (n = body.read(buffer)) >= 0; ) {
                total += n;
                if (total > properties.maxDownloadBytes()) throw tooLarge(uri);
                if (cancel.isCancelled()) throw new DownloadFailed("download of " + uri + " cancelled", false);
                if (System.nanoTime() > deadline) {
                    throw new DownloadFailed("download of " + uri + " took longer than "
                            + properties.downloadTimeout(), false);
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private DownloadFailed tooLarge(URI uri) {
        return new DownloadFailed(uri + " is larger than " + properties.maxDownloadBytes() + " bytes", true);
    }

    @Override
    public void destroy() throws IOException {
        http.close();
    }
}
