package io.socialsync.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * POST of a generated body with a fixed Content-Length, written in 1 MiB pieces: HttpURLConnection's streaming
 * mode sends it as it is produced and costs the client little CPU (the bench shares the machine with the server).
 */
final class StreamingPost {
    private StreamingPost() {
    }

    record Response(int status, String body) {
    }

    static Response send(String url, String apiKey, SyntheticUpload body) throws IOException {
        var connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(body.totalLength());
        connection.setRequestProperty("Authorization", "Bearer " + apiKey);
        connection.setRequestProperty("Content-Type", "multipart/form-data; boundary=" + SyntheticUpload.BOUNDARY);
        connection.setReadTimeout(2 * 60 * 60 * 1000);
        try (var out = connection.getOutputStream()) {
            byte[] buffer = new byte[1 << 20];
            for (int n; (n = body.read(buffer, 0, buffer.length)) > 0; ) {
                out.write(buffer, 0, n);
            }
        }
        int status = connection.getResponseCode();
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            return new Response(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
