package io.socialsync.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP client for user-steered URLs, with the SSRF guard on every connection. The guard is the client's
 * DNS resolver, so the addresses it approved are the very ones connected to: a name cannot re-resolve to an
 * internal address between check and connect (DNS rebinding), and an IP literal is never looked up. GET follows
 * redirects here, at most {@value #MAX_REDIRECTS}, each target checked again; POST follows none. No proxy (a
 * proxy would resolve names itself), no cookies, no transparent decompression, no retries.
 */
public final class GuardedHttp implements AutoCloseable {
    public static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private final UrlGuard guard;
    private final CloseableHttpClient client;

    /**
     * @param connectTimeout also bounds the wait for a pooled connection
     * @param readTimeout the longest silence while waiting for the response and reading its body
     */
    public GuardedHttp(UrlGuard guard, Duration connectTimeout, Duration readTimeout, String userAgent) {
        this.guard = guard;
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedDns(guard))
                .setMaxConnTotal(200).setMaxConnPerRoute(50)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout)).setSocketTimeout(Timeout.of(readTimeout)).build())
                .build();
        this.client = HttpClients.custom().setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false)
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                        .setResponseTimeout(Timeout.of(readTimeout)).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .disableContentCompression().disableAuthCaching().setUserAgent(userAgent).build();
    }

    public UrlGuard guard() {
        return guard;
    }

    /** {@link #get(URI)} of a URL the guard parses first. */
    public Fetched get(String url) throws IOException {
        return get(guard.parse(url));
    }

    /**
     * The first non-redirect response; the caller closes it.
     * @throws UrlGuard.Refused for a refused URL or hop, and past {@value #MAX_REDIRECTS} redirects
     * @throws java.net.UnknownHostException when a host has no address (possibly for now)
     */
    public Fetched get(URI url) throws IOException {
        URI current = guard.parse(url.toString());
        for (int hop = 0; ; hop++) {
            var request = new HttpGet(current);
            var response = new Fetched(current, request, open(request, current));
            String location = response.header("Location");
            if (!REDIRECTS.contains(response.status()) || location == null) {
                return response;
            }
            response.close();
            if (hop == MAX_REDIRECTS) {
                throw new UrlGuard.Refused("more than " + MAX_REDIRECTS + " redirects, the last to " + location);
            }
            URI next;
            try {
                next = current.resolve(location.strip());
            } catch (IllegalArgumentException e) {
                throw new UrlGuard.Refused("redirect to " + location + " refused: not a valid URL");
            }
            try {
                current = guard.parse(next.toString());
            } catch (UrlGuard.Refused e) {
                throw new UrlGuard.Refused("redirect to " + next + " refused: " + e.getMessage());
            }
        }
    }

    /**
     * One POST of {@code body}; a redirect is returned as it is, never followed. The caller closes the response.
     * @throws UrlGuard.Refused for a refused URL
     */
    public Fetched post(String url, Map<String, String> headers, byte[] body, String contentType) throws IOException {
        URI uri = guard.parse(url);
        var request = new HttpPost(uri);
        headers.forEach(request::setHeader);
        request.setEntity(new ByteArrayEntity(body, ContentType.parse(contentType)));
        return new Fetched(uri, request, open(request, uri));
    }

    private ClassicHttpResponse open(ClassicHttpRequest request, URI uri) throws IOException {
        try {
            return client.executeOpen(null, request, null);
        } catch (UrlGuard.Refused e) {
            throw new UrlGuard.Refused(uri + " refused: " + e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    /** The connection resolves names only through the guard; every address it may use has been checked. */
    private record GuardedDns(UrlGuard guard) implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws java.net.UnknownHostException {
            return guard.resolve(host);
        }

        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws java.net.UnknownHostException {
            return Arrays.stream(guard.resolve(host)).map(a -> new InetSocketAddress(a, port)).toList();
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host; // only used for Kerberos service names, which we never do
        }
    }
}
