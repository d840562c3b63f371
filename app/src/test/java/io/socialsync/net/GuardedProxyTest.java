package io.socialsync.net;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The proxy a child process fetches through: WireMock on 127.0.0.1 is public only as cdn.test (a resolver seam). */
class GuardedProxyTest {
    static WireMockServer server;

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(get("/media.mp4").willReturn(aResponse().withBody("media")));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static GuardedProxy proxy() throws IOException {
        var guard = new UrlGuard(AllowedHosts.parse(List.of("cdn.test")), name -> switch (name) {
            case "cdn.test" -> new InetAddress[] {InetAddress.getLoopbackAddress()};
            default -> new InetAddress[] {IpLiterals.parse("10.0.0.1").orElseThrow()};
        });
        return GuardedProxy.start(guard, Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    /** One raw request to the proxy, the whole answer as text. */
    private static String send(GuardedProxy proxy, String requestLine, boolean credential) throws IOException {
        return send(proxy, requestLine, credential, "");
    }

    private static String send(GuardedProxy proxy, String requestLine, boolean credential, String then)
            throws IOException {
        URI url = URI.create(proxy.url());
        try (var socket = new Socket("127.0.0.1", url.getPort())) {
            String auth = credential ? "Proxy-Authorization: Basic "
                    + Base64.getEncoder().encodeToString(url.getUserInfo().getBytes(StandardCharsets.US_ASCII)) + "\r\n" : "";
            socket.getOutputStream().write((requestLine + "\r\nHost: x\r\n" + auth + "\r\n" + then)
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void forwardsToAddressesTheGuardApproves() throws IOException {
        try (var proxy = proxy()) {
            String answer = send(proxy, "GET http://cdn.test:" + server.port() + "/media.mp4 HTTP/1.1", true);
            assertThat(answer).startsWith("HTTP/1.1 200").endsWith("media");
            assertThat(proxy.refusal()).isEmpty();
        }
    }

    @Test
    void tunnelsToAddressesTheGuardApproves() throws IOException {
        try (var proxy = proxy()) {
            // the tunnel carries bytes as they are (TLS in real use; a plain request is enough to see them arrive)
            String answer = send(proxy, "CONNECT cdn.test:" + server.port() + " HTTP/1.1", true,
                    "GET /media.mp4 HTTP/1.1\r\nHost: cdn.test\r\nConnection: close\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.1 200 Connection established").endsWith("media");
        }
    }

    @Test
    void refusesInternalAddressesWithTheGuardsReason() throws IOException {
        try (var proxy = proxy()) {
            assertThat(send(proxy, "GET http://127.0.0.1:" + server.port() + "/secret HTTP/1.1", true))
                    .startsWith("HTTP/1.1 403 Refused by SocialSync: host 127.0.0.1 resolves to 127.0.0.1");
            assertThat(send(proxy, "CONNECT internal.test:443 HTTP/1.1", true)).startsWith("HTTP/1.1 403")
                    .contains("10.0.0.1");
            assertThat(proxy.refusal()).hasValueSatisfying(r -> assertThat(r).contains("127.0.0.1", "internal address"));
            server.verify(0, getRequestedFor(urlEqualTo("/secret")));
        }
    }

    @Test
    void answersOnlyItsOwnRun() throws IOException {
        try (var proxy = proxy()) {
            assertThat(send(proxy, "GET http://cdn.test:" + server.port() + "/media.mp4 HTTP/1.1", false))
                    .startsWith("HTTP/1.1 407");
        }
    }
}
