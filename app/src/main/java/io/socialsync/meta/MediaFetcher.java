package io.socialsync.meta;

import io.socialsync.config.SocialSyncProperties;
import io.socialsync.webhooks.WebhookUrlPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * GETs a media URL with the SSRF checks of outbound webhooks: only http(s), and no private, loopback, link-local
 * or metadata address, checked again on every redirect hop (followed here, by hand, for that reason). The
 * timeout covers connecting and waiting for the response headers; {@link TransferLimits} covers the body.
 */
@Component
public class MediaFetcher implements DisposableBean {
    static final int MAX_REDIRECTS = 5;
    private final WebhookUrlPolicy policy;
    private final Duration timeout;
    private final HttpClient client;

    public MediaFetcher(SocialSyncProperties properties) {
        this.policy = new WebhookUrlPolicy(properties.meta().allowPrivateNetworks());
        this.timeout = properties.meta().downloadTimeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** An open response; close it to release the connection. */
    public record Response(int status, String contentType, long length, InputStream body) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    /** @throws WebhookUrlPolicy.Refused when a URL on the way is not allowed (retrying cannot help) */
    public Response get(String url) throws IOException, InterruptedException {
        URI uri = policy.check(url);
        for (int hop = 0; ; hop++) {
            var request = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", "SocialSync-Media/1")
                    .GET().build();
            var response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            var location = response.headers().firstValue("Location");
            if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                        response.headers().firstValueAsLong("Content-Length").orElse(-1), response.body());
            }
            response.body().close();
            if (hop == MAX_REDIRECTS) {
                throw new TooManyRedirects();
            }
            uri = policy.check(uri.resolve(location.get()).toString());
        }
    }

    /** A redirect loop or chain longer than {@value #MAX_REDIRECTS}: not worth another try. */
    static final class TooManyRedirects extends IOException {
        TooManyRedirects() {
            super("more than " + MAX_REDIRECTS + " redirects");
        }
    }

    @Override
    public void destroy() {
        client.shutdownNow();
    }
}
