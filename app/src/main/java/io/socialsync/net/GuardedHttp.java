package io.socialsync.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * GET with the SSRF guard on every connection. The guard is the client's DNS resolver, so the addresses it
 * approved are the very ones connected to: a name cannot re-resolve to an internal address between check and
 * connect (DNS rebinding). Redirects are followed here, at most {@value #MAX_REDIRECTS}, each target re-checked.
 * No proxy (a proxy would resolve names itself), no cookies, no transparent decompression, no retries.
 */
public final class GuardedHttp implements AutoCloseable {
    public static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private final UrlGuard guard;
    private final CloseableHttpClient client;

    public GuardedHttp(UrlGuard guard, Duration connectTimeout, Duration readTimeout) {
        this.guard = guard;
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedDns(guard))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout)).setSocketTimeout(Timeout.of(readTimeout)).build())
                .build();
        this.client = HttpClients.custom().setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false)
                        .setResponseTimeout(Timeout.of(readTimeout)).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .disableContentCompression().disableAuthCaching().setUserAgent("SocialSync-Ingest/1").build();
    }

    /** The first non-redirect response; the caller closes it. @throws UrlGuard.Refused for a refused hop */
    public Fetched get(URI url) throws IOException {
        URI current = guard.parse(url.toString());
        for (int hop = 0; ; hop++) {
            var response = open(current);
            String location = response.getFirstHeader("Location") == null ? null
                    : response.getFirstHeader("Location").getValue();
            if (!REDIRECTS.contains(response.getCode()) || location == null) {
                return new Fetched(current, response);
            }
            response.close();
            if (hop == MAX_REDIRECTS) {
                throw new UrlGuard.Refused("more than " + MAX_REDIRECTS + " redirects, the last to " + location);
            }
            URI next = current.resolve(location.strip());
            try {
                current = guard.parse(next.toString());
            } catch (UrlGuard.Refused e) {
                throw new UrlGuard.Refused("redirect to " + next + " refused: " + e.getMessage());
            }
        }
    }

    private org.apache.hc.core5.http.ClassicHttpResponse open(URI uri) throws IOException {
        try {
            return client.executeOpen(null, new HttpGet(uri), null);
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
        public InetAddress[] resolve(String host) {
            return guard.resolve(host);
        }

        @Override
        public List<InetSocketAddress> resolve(String host, int port) {
            return Arrays.stream(guard.resolve(host)).map(a -> new InetSocketAddress(a, port)).toList();
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host; // only used for Kerberos service names, which we never do
        }
    }
}
