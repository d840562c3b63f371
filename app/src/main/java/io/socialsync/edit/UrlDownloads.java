package io.socialsync.edit;

import io.socialsync.config.PrivateFiles;
import io.socialsync.media.ffmpeg.CancelToken;
import io.socialsync.webhooks.WebhookUrlPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Fetches URL inputs under the same SSRF policy as webhooks: http(s) only, no credentials in the URL, no private,
 * loopback or link-local addresses unless allowed. Redirects are followed by hand so every hop is checked (the
 * client's own following would skip the policy). Remaining gap: DNS could change between our check and the
 * client's connect (rebinding); closing it needs a resolver pinned per request, which java.net.http lacks.
 */
@Component
public class UrlDownloads implements DisposableBean {
    static final int MAX_REDIRECTS = 5;
    private final WebhookUrlPolicy policy;
    private final EditProperties properties;
    private final HttpClient client;

    public UrlDownloads(EditProperties properties) {
        this.policy = new WebhookUrlPolicy(properties.allowPrivateNetworks());
        this.properties = properties;
        this.client = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Request-time check; throws {@link DownloadFailed} (permanent) with a message fit for a field error. */
    public URI check(String url) {
        try {
            return policy.check(url);
        } catch (WebhookUrlPolicy.Refused e) {
            throw new DownloadFailed(e.getMessage(), true, e);
        } catch (UnknownHostException e) {
            throw new DownloadFailed("the host of " + url + " does not resolve", true, e);
        }
    }

    /** Streams the body of {@code url} into {@code target}, at most {@code maxDownloadBytes}. */
    public void download(String url, Path target, CancelToken cancel) {
        URI uri = check(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<InputStream> response = get(uri);
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                var location = response.headers().firstValue("Location");
                if (status / 100 == 3 && location.isPresent()) {
                    uri = check(uri.resolve(location.get()).toString());
                    continue;
                }
                if (status != 200) {
                    throw new DownloadFailed(uri + " answered HTTP " + status, status / 100 == 4);
                }
                long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (declared > properties.maxDownloadBytes()) throw tooLarge(uri);
                copy(body, target, uri, cancel);
                return;
            } catch (IOException e) {
                throw new DownloadFailed("downloading " + uri + " failed: " + e.getMessage(), false, e);
            }
        }
        throw new DownloadFailed(url + " redirects more than " + MAX_REDIRECTS + " times", true);
    }

    private HttpResponse<InputStream> get(URI uri) {
        var request = HttpRequest.newBuilder(uri).timeout(properties.downloadTimeout())
                .header("User-Agent", "SocialSync/1").GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new DownloadFailed("cannot fetch " + uri + ": " + e.getMessage(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadFailed("download of " + uri + " interrupted", false, e);
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
    public void destroy() {
        client.shutdownNow();
    }
}
