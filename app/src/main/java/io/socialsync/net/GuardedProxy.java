package io.socialsync.net;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The SSRF guard for a child process that fetches on its own (yt-dlp): an HTTP forward proxy, started for one
 * run and closed after it, through which the child's every connection goes. Each target (a CONNECT tunnel for
 * https, an absolute-form request for http) is checked by {@link UrlGuard#parse} and connected to an address
 * {@link UrlGuard#resolve} approved, so redirects and media hosts get the same checks as {@link GuardedHttp}.
 * <p>
 * It is a listening socket besides the HTTP port, so it is kept small: bound to 127.0.0.1 on an ephemeral port,
 * alive only while its child runs, and it answers only requests carrying its random per-run credential (407
 * otherwise). A local process that still used it would reach nothing but the public addresses it reaches anyway.
 */
public final class GuardedProxy implements AutoCloseable {
    private static final int MAX_HEAD = 64 * 1024;
    private static final int MAX_CONNECTIONS = 32;
    private static final String USER = "socialsync";
    private final UrlGuard guard;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final ServerSocket server;
    private final byte[] expected;
    private final String token;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicReference<String> firstRefusal = new AtomicReference<>();

    private GuardedProxy(UrlGuard guard, Duration connectTimeout, Duration readTimeout) throws IOException {
        this.guard = guard;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.token = HexFormat.of().formatHex(random);
        this.expected = ("Basic " + Base64.getEncoder().encodeToString((USER + ":" + token)
                .getBytes(StandardCharsets.US_ASCII))).getBytes(StandardCharsets.US_ASCII);
        this.server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    }

    /** Listens at once; close it when the child has ended. */
    public static GuardedProxy start(UrlGuard guard, Duration connectTimeout, Duration readTimeout) throws IOException {
        var proxy = new GuardedProxy(guard, connectTimeout, readTimeout);
        Thread.ofVirtual().name("guarded-proxy").start(proxy::accept);
        return proxy;
    }

    /** The proxy URL with its credential, for the child's {@code --proxy}. */
    public String url() {
        return "http://" + USER + ":" + token + "@127.0.0.1:" + server.getLocalPort();
    }

    /** The first target this proxy refused, why: a clearer error than the child's reading of a 403. */
    public Optional<String> refusal() {
        return Optional.ofNullable(firstRefusal.get());
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(GuardedProxy::quietly);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (open.size() >= MAX_CONNECTIONS) {
                    quietly(client);
                    continue;
                }
                open.add(client);
                Thread.ofVirtual().start(() -> {
                    try {
                        serve(client);
                    } catch (IOException | RuntimeException ignored) {
                        // one connection failed; the child sees it closed
                    } finally {
                        open.remove(client);
                        quietly(client);
                    }
                });
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) throws IOException {
        client.setSoTimeout((int) readTimeout.toMillis());
        var in = new BufferedInputStream(client.getInputStream());
        List<String> head = head(in);
        OutputStream out = client.getOutputStream();
        if (head.isEmpty()) {
            answer(out, 400, "Bad Request", "");
            return;
        }
        if (!authorized(head)) {
            answer(out, 407, "Proxy Authentication Required", "Proxy-Authenticate: Basic realm=\"socialsync\"\r\n");
            return;
        }
        String[] request = head.getFirst().split(" ");
        if (request.length != 3) {
            answer(out, 400, "Bad Request", "");
            return;
        }
        boolean tunnel = request[0].equalsIgnoreCase("CONNECT");
        URI target;
        Socket upstream;
        try {
            target = guard.parse(tunnel ? "https://" + request[1] + "/" : request[1]);
            if (!tunnel && !target.getScheme().equalsIgnoreCase("http")) {
                throw new UrlGuard.Refused("only http requests are forwarded; https goes through CONNECT");
            }
            upstream = connect(target);
        } catch (UrlGuard.Refused refused) {
            firstRefusal.compareAndSet(null, request[1] + " refused: " + refused.getMessage());
            answer(out, 403, "Refused by SocialSync: " + printable(refused.getMessage()), "");
            return;
        } catch (IOException unreachable) {
            answer(out, 502, "Bad Gateway", "");
            return;
        }
        open.add(upstream);
        try (upstream) {
            OutputStream up = upstream.getOutputStream();
            if (tunnel) {
                out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } else {
                up.write(originForm(request, target, head).getBytes(StandardCharsets.ISO_8859_1));
            }
            Thread toUpstream = Thread.ofVirtual().start(() -> {
                try {
                    in.transferTo(up);
                    upstream.shutdownOutput();
                } catch (IOException ended) {
                    // either side went away
                }
            });
            try {
                upstream.getInputStream().transferTo(out);
            } finally {
                quietly(client);
                toUpstream.interrupt();
            }
        } finally {
            open.remove(upstream);
        }
    }

    /** A connection to the first address the guard approved that answers. */
    private Socket connect(URI target) throws IOException {
        int port = target.getPort() > 0 ? target.getPort() : target.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        IOException last = null;
        for (InetAddress address : guard.resolve(target.getHost())) {
            var socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port), (int) connectTimeout.toMillis());
                socket.setSoTimeout((int) readTimeout.toMillis());
                return socket;
            } catch (IOException e) {
                quietly(socket);
                last = e;
            }
        }
        throw last != null ? last : new IOException("no address for " + target.getHost());
    }

    /** The request as the origin server takes it: a path, no proxy headers, and one request per connection. */
    private static String originForm(String[] request, URI target, List<String> head) {
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        var b = new StringBuilder(request[0]).append(' ').append(path)
                .append(target.getRawQuery() == null ? "" : "?" + target.getRawQuery()).append(' ').append(request[2]).append("\r\n");
        for (String header : head.subList(1, head.size())) {
            String name = header.contains(":") ? header.substring(0, header.indexOf(':')).strip().toLowerCase(Locale.ROOT) : "";
            if (!name.startsWith("proxy-") && !name.equals("connection") && !name.equals("keep-alive")) {
                b.append(header).append("\r\n");
            }
        }
        return b.append("Connection: close\r\n\r\n").toString();
    }

    private boolean authorized(List<String> head) {
        for (String header : head.subList(1, head.size())) {
            int colon = header.indexOf(':');
            if (colon > 0 && header.substring(0, colon).strip().equalsIgnoreCase("Proxy-Authorization")) {
                return MessageDigest.isEqual(expected, header.substring(colon + 1).strip().getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return false;
    }

    /** The request line and headers, up to the empty line; empty if the client sent nothing usable. */
    private static List<String> head(InputStream in) throws IOException {
        var lines = new ArrayList<String>();
        var line = new ByteArrayOutputStream();
        int total = 0;
        for (int c; (c = in.read()) != -1 && ++total <= MAX_HEAD; ) {
            if (c == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(c);
            }
        }
        return List.of();
    }

    private static void answer(OutputStream out, int status, String reason, String headers) throws IOException {
        out.write(("HTTP/1.1 " + status + " " + reason + "\r\n" + headers + "Content-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** A reason phrase carries no line breaks or other control characters. */
    private static String printable(String text) {
        return text.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static void quietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
