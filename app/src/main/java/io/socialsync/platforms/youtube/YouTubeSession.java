package io.socialsync.platforms.youtube;

import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.Media;
import io.socialsync.platforms.PlatformHttp;
import io.socialsync.platforms.PlatformSettings;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** One resumable upload session URI: a chunk PUT and the {@code Content-Range: bytes *}{@code /N} probe. */
final class YouTubeSession {
    private final PlatformHttp http;
    private final URI uri;
    private final String token;
    private final Media media;
    private final Duration probeTimeout;
    private final Duration uploadTimeout;

    YouTubeSession(PlatformHttp http, String uri, String token, Media media, PlatformSettings settings) {
        this.http = http;
        this.uri = URI.create(uri);
        this.token = token;
        this.media = media;
        this.probeTimeout = settings.requestTimeout();
        this.uploadTimeout = settings.uploadTimeout();
    }

    /** What the session says it holds. */
    sealed interface State {
    }

    record Done(String videoId) implements State {
    }

    record Received(long bytes) implements State {
    }

    record Expired() implements State {
    }

    record Refused(HttpResult.Answered answer) implements State {
    }

    record Unreachable(String detail) implements State {
    }

    /** Sends bytes {@code from..to} (inclusive) as {@code Content-Range: bytes from-to/size}. */
    HttpResult put(long from, long to) {
        long size = media.sizeBytes();
        var body = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> media.open(from, to)), to - from + 1);
        return http.send(request().header("Content-Type", Media.CONTENT_TYPE)
                .header("Content-Range", "bytes " + from + "-" + to + "/" + size).PUT(body), uploadTimeout);
    }

    State probe() {
        var result = http.send(request().header("Content-Range", "bytes */" + media.sizeBytes())
                .PUT(HttpRequest.BodyPublishers.noBody()), probeTimeout);
        return read(result);
    }

    /**
     * 200/201: finished (a probe after the end repeats the original final response); 308 with
     * {@code Range: bytes=0-N}: bytes 0..N arrived, without Range none did; 404/410: the session is gone.
     */
    static State read(HttpResult result) {
        if (!(result instanceof HttpResult.Answered a)) {
            return new Unreachable(result.toString());
        }
        if (a.status() == 200 || a.status() == 201) {
            return new Done(a.json().path("id").asString(""));
        }
        if (a.status() == 308) {
            String range = a.header("Range");
            return new Received(range == null ? 0 : Long.parseLong(range.substring(range.indexOf('-') + 1).trim()) + 1);
        }
        if (a.status() == 404 || a.status() == 410) {
            return new Expired();
        }
        return new Refused(a);
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token);
    }
}
