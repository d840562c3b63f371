package io.socialsync.platforms.meta;

import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.Media;
import io.socialsync.platforms.PlatformHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Calls to Meta's Graph API (Instagram and Facebook) with one token: form POSTs and field GETs. */
public final class Graph {
    private final PlatformHttp http;
    private final String base;
    private final String token;
    private final Duration timeout;

    public Graph(PlatformHttp http, String base, String token, Duration timeout) {
        this.http = http;
        this.base = base;
        this.token = token;
        this.timeout = timeout;
    }

    /** {@code GET /{path}?{query}&access_token=} */
    public HttpResult get(String path, String query) {
        String url = base + "/" + path + "?" + query + "&access_token=" + PlatformHttp.enc(token);
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET(), timeout);
    }

    /** {@code POST /{path}} with form fields; the token goes in the body, not the URL, to stay out of logs. */
    public HttpResult post(String path, Map<String, String> fields) {
        var all = new LinkedHashMap<>(fields);
        all.put("access_token", token);
        return http.send(HttpRequest.newBuilder(URI.create(base + "/" + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(PlatformHttp.form(all)), timeout);
    }

    /**
     * {@code POST /{path}} as {@code multipart/form-data}: the fields, then bytes {@code from..to} of the media
     * as the file part {@code fileField}, streamed from storage.
     */
    public HttpResult upload(String path, Map<String, String> fields, String fileField, Media media, long from,
                             long to, Duration uploadTimeout) {
        String boundary = "socialsync-" + UUID.randomUUID();
        var head = new StringBuilder();
        var all = new LinkedHashMap<>(fields);
        all.put("access_token", token);
        all.forEach((name, value) -> head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\n").append("Content-Disposition: form-data; name=\"")
                .append(fileField).append("\"; filename=\"chunk\"\r\n")
                .append("Content-Type: application/octet-stream\r\n\r\n");
        var bytes = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> media.open(from, to)), to - from + 1);
        var body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head.toString()), bytes,
                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        return http.send(HttpRequest.newBuilder(URI.create(base + "/" + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body), uploadTimeout);
    }
}
