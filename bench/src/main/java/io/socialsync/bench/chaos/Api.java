package io.socialsync.bench.chaos;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API node over HTTP with the admin key. Never throws for trouble: a failed exchange is status -1. */
final class Api {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String key;

    record Answer(int status, JsonNode json) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    Api(String base, String key) {
        this.base = base;
        this.key = key;
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer post(String path, String json, String idempotencyKey) {
        var r = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            r.header("Idempotency-Key", idempotencyKey);
        }
        return send(r);
    }

    Answer upload(byte[] video, String fileName, String idempotencyKey) {
        String boundary = "----chaos" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(video);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request("/upload").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            } catch (RuntimeException notJson) {
                json = JSON.createObjectNode();
            }
            return new Answer(response.statusCode(), json);
        } catch (IOException e) {
            return new Answer(-1, JSON.createObjectNode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, JSON.createObjectNode());
        }
    }
}
