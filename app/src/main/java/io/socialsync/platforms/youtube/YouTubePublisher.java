package io.socialsync.platforms.youtube;

import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.Journal;
import io.socialsync.platforms.Media;
import io.socialsync.platforms.Platform;
import io.socialsync.platforms.PlatformHttp;
import io.socialsync.platforms.PlatformSettings;
import io.socialsync.platforms.Progress;
import io.socialsync.platforms.PublishOutcome;
import io.socialsync.platforms.PublishTarget;
import io.socialsync.platforms.Publisher;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * YouTube's resumable upload: POST the metadata → session URI (Location) → chunked PUTs ({@link YouTubeUpload})
 * → the video's processing ({@link YouTubeProcessing}). No video exists until the last byte arrives, and the
 * session says how many bytes it holds ({@code Content-Range: bytes *}{@code /N} → 308 with Range), so an
 * interrupted run is resumed from that offset, never with a second session. Once the video id is recorded, later
 * runs only ask about its processing.
 */
@Component
public class YouTubePublisher implements Publisher {
    static final String SESSION = "session";
    private final PlatformHttp http;
    private final PlatformSettings settings;
    private final Clock clock;

    public YouTubePublisher(PlatformHttp http, PlatformSettings settings, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.YOUTUBE;
    }

    @Override
    public PublishOutcome publish(PublishTarget t, Journal journal) {
        if (journal.progress().handle("video_id") == null) {
            var notUploaded = upload(t, journal);
            if (notUploaded != null) {
                return notUploaded;
            }
        }
        Progress p = journal.progress();
        String uploadedAt = p.handle("uploaded_at");
        return new YouTubeProcessing(http, settings, clock, t).await(p.handle("video_id"),
                uploadedAt == null ? null : Instant.parse(uploadedAt), journal);
    }

    /** The video id is recorded only once the last byte arrived: the video is on the channel from then on. */
    @Override
    public boolean postCreated(Progress progress) {
        return progress.handle("video_id") != null;
    }

    /** Null once the video exists (its id recorded); otherwise why it does not yet. */
    private PublishOutcome upload(PublishTarget t, Journal journal) {
        String uri = journal.progress().handle("session_uri");
        if (uri != null) {
            // an earlier run began sending: the session, not our memory, says where to go on
            return new YouTubeUpload(session(t, uri), t, settings, clock).resume(journal);
        }
        var started = start(t, journal);
        if (!(started instanceof HttpResult.Answered a) || !a.ok() || a.header("Location") == null) {
            journal.recorded(SESSION, Map.of()); // a session that never reached us holds no video
            return failure(t, started);
        }
        journal.recorded(SESSION, Map.of("session_uri", a.header("Location"), "uploaded_bytes", "0"));
        return new YouTubeUpload(session(t, a.header("Location")), t, settings, clock).send(0, journal);
    }

    private HttpResult start(PublishTarget t, Journal journal) {
        journal.intent(SESSION);
        String url = settings.youtube().baseUrl()
                + "/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status";
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + t.accessToken())
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("X-Upload-Content-Length", String.valueOf(t.media().sizeBytes()))
                .header("X-Upload-Content-Type", Media.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(YouTubeMetadata.json(t, settings.youtube()))),
                settings.requestTimeout());
    }

    private YouTubeSession session(PublishTarget t, String uri) {
        return new YouTubeSession(http, uri, t.accessToken(), t.media(), settings);
    }

    private PublishOutcome failure(PublishTarget t, HttpResult r) {
        return switch (r) {
            case HttpResult.Answered a -> a.ok()
                    ? PublishOutcome.Failed.retryable("YouTube gave no upload session URI (no Location header)")
                    : GoogleErrors.map(t.handle(), a, clock);
            case HttpResult.NotSent n -> PublishOutcome.Failed.retryable("could not reach YouTube: " + n.detail());
            case HttpResult.NoAnswer n -> PublishOutcome.Failed.retryable("YouTube did not answer: " + n.detail());
        };
    }
}
