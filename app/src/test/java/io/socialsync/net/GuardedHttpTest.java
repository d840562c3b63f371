package io.socialsync.net;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guarded client against WireMock on 127.0.0.1, reached only through names of a resolver seam (cdn.test is
 * in no real DNS): redirects to internal addresses are refused before any connection, and a name that
 * re-resolves to an internal address between check and connect is refused at connect.
 */
class GuardedHttpTest {
    static WireMockServer server;
    static int port;

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        port = server.port();
        server.stubFor(get("/media.mp4").willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody(new byte[] {1, 2, 3})));
        server.stubFor(get("/secret").willReturn(aResponse().withBody("internal")));
        server.stubFor(get("/moved").willReturn(aResponse().withStatus(301).withHeader("Location", "/media.mp4")));
        server.stubFor(get("/loop").willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));
        redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/");
        redirect("/to-internal-name", "http://internal.test:" + port + "/secret");
        redirect("/to-loopback", "http://127.0.0.1:" + port + "/secret");
        redirect("/to-mapped", "http://[::ffff:127.0.0.1]:" + port + "/secret");
        redirect("/to-octal", "http://0177.0.0.1:" + port + "/secret");
        redirect("/to-ftp", "ftp://cdn.test/secret");
        redirect("/to-credentials", "http://u:p@cdn.test:" + port + "/secret");
        server.stubFor(post("/hook").willReturn(aResponse().withStatus(307).withHeader("Location", "/secret")));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static void redirect(String from, String to) {
        server.stubFor(get(from).willReturn(aResponse().withStatus(302).withHeader("Location", to)));
    }

    private static Resolver names(Map<String, String> table) {
        return name -> {
            String ip = table.get(name);
            if (ip == null) {
                throw new UnknownHostException(name);
            }
            return new InetAddress[] {IpLiterals.parse(ip).orElseThrow()};
        };
    }

    /** WireMock counts as public by name only: the allowlist admits cdn.test, never 127.0.0.1 itself. */
    private static GuardedHttp client() {
        var guard = new UrlGuard(AllowedHosts.parse(List.of("cdn.test")),
                names(Map.of("cdn.test", "127.0.0.1", "internal.test", "10.0.0.1")));
        return new GuardedHttp(guard, Duration.ofSeconds(5), Duration.ofSeconds(5), "test/1");
    }

    private static String at(String path) {
        return "http://cdn.test:" + port + path;
    }

    @Test
    void connectsToTheAddressTheGuardResolvedAndFollowsCheckedRedirects() throws Exception {
        try (var http = client(); var response = http.get(at("/moved"))) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.url().toString()).isEqualTo(at("/media.mp4"));
            assertThat(response.body().readAllBytes()).containsExactly(1, 2, 3);
        }
    }

    @Test
    void aRedirectToAnInternalAddressIsRefusedBeforeConnecting() throws Exception {
        try (var http = client()) {
            assertThatThrownBy(() -> http.get(at("/to-metadata"))).isInstanceOf(UrlGuard.Refused.class)
                    .hasMessageContaining("169.254.169.254").hasMessageContaining("internal address");
            assertThatThrownBy(() -> http.get(at("/to-internal-name"))).isInstanceOf(UrlGuard.Refused.class)
                    .hasMessageContaining("internal.test resolves to 10.0.0.1");
            assertThatThrownBy(() -> http.get(at("/to-loopback"))).isInstanceOf(UrlGuard.Refused.class)
                    .hasMessageContaining("127.0.0.0/8");
            assertThatThrownBy(() -> http.get(at("/to-mapped"))).isInstanceOf(UrlGuard.Refused.class)
                    .hasMessageContaining("127.0.0.0/8");
            assertThatThrownBy(() -> http.get(at("/to-octal"))).isInstanceOf(UrlGuard.Refused.class)
                    .hasMessageContaining("non-standard form");
            assertThatThrownBy(() -> http.get(at("/to-ftp"))).isInstanceOf(UrlGuard.Refused.class)
                    .hasMessageContaining("only http and https");
            assertThatThrownBy(() -> http.get(at("/to-credentials"))).isInstanceOf(UrlGuard.Refused.class)
                    .hasMessageContaining("credentials");
        }
        server.verify(0, getRequestedFor(urlEqualTo("/secret")));
    }

    @Test
    void redirectsStopAfterTheLimit() throws Exception {
        try (var http = client()) {
            assertThatThrownBy(() -> http.get(at("/loop"))).isInstanceOf(UrlGuard.Refused.class)
                    .hasMessageContaining("more than " + GuardedHttp.MAX_REDIRECTS + " redirects");
        }
        server.verify(GuardedHttp.MAX_REDIRECTS + 1, getRequestedFor(urlEqualTo("/loop")));
    }

    @Test
    void aPostIsNeverRedirected() throws Exception {
        try (var http = client(); var response = http.post(at("/hook"), Map.of("X-Test", "1"), new byte[] {'{', '}'},
                "application/json")) {
            assertThat(response.status()).isEqualTo(307);
        }
        server.verify(1, postRequestedFor(urlEqualTo("/hook")));
        server.verify(0, getRequestedFor(urlEqualTo("/secret")));
    }

    @Test
    void aNameThatRebindsToAnInternalAddressIsRefusedAtConnect() throws Exception {
        var lookups = new AtomicInteger();
        Resolver rebinding = name -> new InetAddress[] {IpLiterals.parse(lookups.incrementAndGet() == 1
                ? "127.0.0.1" : "10.0.0.1").orElseThrow()};
        var guard = new UrlGuard(AllowedHosts.parse(List.of("127.0.0.1")), rebinding);
        String url = "http://rebind.test:" + port + "/secret";
        assertThat(guard.check(url).getHost()).isEqualTo("rebind.test"); // the first answer passes
        try (var http = new GuardedHttp(guard, Duration.ofSeconds(5), Duration.ofSeconds(5), "test/1")) {
            assertThatThrownBy(() -> http.get(url)).isInstanceOf(UrlGuard.Refused.class)
                    .hasMessageContaining("rebind.test resolves to 10.0.0.1");
        }
        assertThat(lookups).hasValue(2); // the client looked the name up once, through the guard, and nowhere else
        server.verify(0, getRequestedFor(urlEqualTo("/secret")));
    }

    /** Apache reads a closed body to its end by default: an endless one would hold the caller forever. */
    @Test
    void closingAnUnreadBodyAbortsTheConnectionInsteadOfDrainingIt() throws Exception {
        var endless = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endless.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (var out = exchange.getResponseBody()) {
                while (true) {
                    out.write(new byte[64 * 1024]);
                }
            } catch (IOException clientWentAway) {
                exchange.close();
            }
        });
        endless.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        endless.start();
        String url = "http://127.0.0.1:" + endless.getAddress().getPort() + "/";
        try (var http = new GuardedHttp(UrlGuard.privateNetworks(true), Duration.ofSeconds(5), Duration.ofSeconds(5), "t")) {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                var body = http.get(url).body();
                assertThat(body.readNBytes(10)).hasSize(10);
                body.close();
                try (var response = http.get(url)) {
                    assertThat(response.body().read()).isZero();
                }
            });
        } finally {
            endless.stop(0);
        }
    }

    @Test
    void aNameThatDoesNotResolveIsAnIoErrorAtConnect() throws Exception {
        try (var http = client()) {
            assertThatThrownBy(() -> http.get("http://nowhere.test:" + port + "/media.mp4"))
                    .isInstanceOf(UnknownHostException.class);
        }
    }
}
