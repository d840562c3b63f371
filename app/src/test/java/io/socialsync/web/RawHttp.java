package io.socialsync.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a request byte for byte over a socket: for the malformed requests no HTTP client library would send.
 * The connection leaves from {@code from}, a loopback address other than 127.0.0.1 to be a client of its own.
 */
record RawHttp(String host, int port, String from) {

    RawHttp(String host, int port) {
        this(host, port, null);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Response send(String request) {
        return send(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    Response send(byte[] request) {
        try (var socket = new Socket()) {
            if (from != null) {
                socket.bind(new InetSocketAddress(from, 0));
            }
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            var in = socket.getInputStream();
            var out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            // the server closes after an error (and every request here says Connection: close)
            for (int n; (n = readQuietly(in, buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
            return parse(out.toString(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A reset after the response arrived (the server refusing the rest of a request) ends the response too. */
    private static int readQuietly(java.io.InputStream in, byte[] buffer) throws IOException {
        try {
            return in.read(buffer);
        } catch (java.net.SocketException reset) {
            return -1;
        }
    }

    private static Response parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("no complete response: '" + raw + "'");
        }
        String[] lines = raw.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        var headers = new LinkedHashMap<String, String>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        String body = raw.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String dechunk(String chunked) {
        var out = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
