package io.socialsync.publish.platforms;

import io.socialsync.accounts.Platform;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * YouTube's resumable upload: POST the metadata → session URI (Location) → PUT the bytes. No video exists until
 * the last byte arrives, and the session says how many bytes it holds ({@code Content-Range: bytes *}{@code /N}
 * → 308 with Range), so an interrupted or unanswered PUT is resumed from that offset instead of sent again.
 */
@Component
public class YouTubePublisher implements Publisher {
    static final String SESSION = "session";
    static final String UPLOAD = "upload";
    /** Resumes within one run before handing over to a later attempt. */
    private static final int RESUMES = 5;
    private final PlatformHttp http;
    private final PlatformSettings settings;

    public YouTubePublisher(PlatformHttp http, PlatformSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    @Override
    public Platform platform() {
        return Platform.YOUTUBE;
    }

    @Override
    public PublishOutcome publish(PublishTarget t, Journal journal) {
        Progress p = journal.progress();
        if (p.handle("video_id") != null) {
            return posted(p.handle("video_id"));
        }
        String uri = p.handle("session_uri");
        long offset = 0;
        if (uri == null) {
            var started = start(t, journal);
            if (started instanceof HttpResult.Answered a && a.ok() && a.header("Location") != null) {
                uri = a.header("Location");
                journal.recorded(SESSION, Map.of("session_uri", uri));
            } else {
                journal.recorded(SESSION, Map.of());
                return failure(t, started);
            }
        } else {
            // an earlier run began sending: the session, not our memory, says where to go on
            var state = session(t, uri).probe();
            var decided = decide(t, state, p.unresolved(UPLOAD), journal);
            if (decided != null) {
                return decided;
            }
            offset = ((YouTubeSession.Received) state).bytes();
        }
        return upload(t, session(t, uri), offset, journal);
    }

    private PublishOutcome upload(PublishTarget t, YouTubeSession session, long offset, Journal journal) {
        for (int i = 0; i < RESUMES; i++) {
            journal.intent(UPLOAD);
            var sent = session.put(offset);
            if (sent instanceof HttpResult.NotSent n) {
                journal.recorded(UPLOAD, Map.of()); // no connection, no bytes
                return PublishOutcome.Failed.retryable("could not reach YouTube: " + n.detail());
            }
            var state = YouTubeSession.read(sent);
            boolean interrupted = sent instanceof HttpResult.NoAnswer
                    || (state instanceof YouTubeSession.Refused r && r.answer().status() >= 500);
            if (interrupted) {
                state = session.probe(); // the documented recovery: ask how much arrived, then resume
            }
            var decided = decide(t, state, true, journal);
            if (decided != null) {
                return decided;
            }
            offset = ((YouTubeSession.Received) state).bytes();
            journal.recorded(UPLOAD, Map.of("uploaded_bytes", String.valueOf(offset)));
        }
        return PublishOutcome.Failed.retryable("the upload to YouTube kept being interrupted: SocialSync resumes it "
                + "later");
    }

    /** Null when the session holds part of the file (resume from {@link YouTubeSession.Received}). */
    private PublishOutcome decide(PublishTarget t, YouTubeSession.State state, boolean sent, Journal journal) {
        return switch (state) {
            case YouTubeSession.Done done -> {
                journal.recorded(UPLOAD, Map.of("video_id", done.videoId()));
                yield posted(done.videoId());
            }
            case YouTubeSession.Received r -> null;
            case YouTubeSession.Expired e -> {
                journal.reset("YouTube upload session expired");
                yield PublishOutcome.Failed.retryable("YouTube's upload session expired before the video was "
                        + "complete (so no video exists): SocialSync starts the upload again");
            }
            case YouTubeSession.Refused r -> {
                journal.recorded(UPLOAD, Map.of());
                yield GoogleErrors.map(t.handle(), r.answer());
            }
            case YouTubeSession.Unreachable u -> sent
                    ? new PublishOutcome.Unknown(journal.progress().handle("session_uri"), "YouTube did not answer: "
                            + u.detail())
                    : PublishOutcome.Failed.retryable("could not reach YouTube: " + u.detail());
        };
    }

    private HttpResult start(PublishTarget t, Journal journal) {
        journal.intent(SESSION);
        String url = trim(settings.youtube().baseUrl())
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

    private static PublishOutcome failure(PublishTarget t, HttpResult r) {
        return switch (r) {
            case HttpResult.Answered a -> a.ok()
                    ? PublishOutcome.Failed.retryable("YouTube gave no upload session URI (no Location header)")
                    : GoogleErrors.map(t.handle(), a);
            case HttpResult.NotSent n -> PublishOutcome.Failed.retryable("could not reach YouTube: " + n.detail());
            // a session that never reached us holds no video: starting another is safe
            case HttpResult.NoAnswer n -> PublishOutcome.Failed.retryable("YouTube did not answer: " + n.detail());
        };
    }

    private static PublishOutcome.Posted posted(String videoId) {
        return new PublishOutcome.Posted(videoId, "https://www.youtube.com/watch?v=" + videoId);
    }

    private static String trim(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
