package io.socialsync.platforms.facebook;

import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.Journal;
import io.socialsync.platforms.PlatformHttp;
import io.socialsync.platforms.PlatformSettings;
import io.socialsync.platforms.Progress;
import io.socialsync.platforms.PublishOutcome;
import io.socialsync.platforms.PublishTarget;
import io.socialsync.platforms.meta.Graph;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

/**
 * Facebook Page Reels (Meta's path for short vertical video, and the one with a published budget, 30 per 24 h):
 * {@code video_reels upload_phase=start} → bytes to the returned rupload {@code upload_url} →
 * {@code upload_phase=finish&video_state=PUBLISHED} → poll {@code ?fields=status}. Start and upload create no
 * post (the upload is addressed by offset and may be sent again); finish is the call that posts, and after an
 * unknown outcome of it only the video's status is asked.
 */
final class FacebookReels {
    static final String START = "start";
    static final String UPLOAD = "upload";
    static final String FINISH = "finish";
    private final PlatformHttp http;
    private final PlatformSettings settings;
    private final Graph graph;
    private final String page;

    FacebookReels(PlatformHttp http, PlatformSettings settings, Graph graph, String page) {
        this.http = http;
        this.settings = settings;
        this.graph = graph;
        this.page = page;
    }

    PublishOutcome publish(PublishTarget t, FacebookVideoStatus status, Journal journal) {
        Progress p = journal.progress();
        String video = p.handle("video_id");
        if (p.unresolved(FINISH) || p.handle("finished") != null) {
            return status.await(video, journal);
        }
        if (video == null || p.handle("upload_url") == null) {
            journal.intent(START);
            var started = graph.post(page + "/video_reels", Map.of("upload_phase", "start"));
            if (!(started instanceof HttpResult.Answered a) || !a.ok()) {
                journal.recorded(START, Map.of());
                return status.failure(started, "starting the upload");
            }
            video = a.json().path("video_id").asString("");
            journal.recorded(START, Map.of("flow", FacebookFlow.REELS.name(), "video_id", video,
                    "upload_url", a.json().path("upload_url").asString("")));
        }
        if (journal.progress().handle("uploaded") == null) {
            var uploaded = upload(t, journal.progress().handle("upload_url"), status, journal);
            if (uploaded != null) {
                return uploaded;
            }
        }
        journal.intent(FINISH);
        var finished = graph.post(page + "/video_reels", Map.of("upload_phase", "finish", "video_id", video,
                "video_state", "PUBLISHED", "description", t.captionOrEmpty()));
        if (finished instanceof HttpResult.NoAnswer none) {
            return new PublishOutcome.Unknown(video, "finish sent, no answer: " + none.detail());
        }
        if (!(finished instanceof HttpResult.Answered a) || !a.ok()) {
            journal.recorded(FINISH, Map.of());
            return status.failure(finished, "publishing");
        }
        journal.recorded(FINISH, Map.of("finished", "true"));
        return status.await(video, journal);
    }

    /** The whole file to rupload in one request from offset 0; repeating it is harmless. */
    private PublishOutcome upload(PublishTarget t, String uploadUrl, FacebookVideoStatus status, Journal journal) {
        long size = t.media().sizeBytes();
        journal.intent(UPLOAD);
        var body = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> t.media().open(0, size - 1)), size);
        var sent = http.send(HttpRequest.newBuilder(URI.create(uploadUrl))
                .header("Authorization", "OAuth " + t.accessToken())
                .header("offset", "0")
                .header("file_size", String.valueOf(size))
                .POST(body), settings.uploadTimeout());
        if (sent instanceof HttpResult.Answered a && a.ok() && a.json().path("success").asBoolean(false)) {
            journal.recorded(UPLOAD, Map.of("uploaded", "true"));
            journal.transferred(size, size);
            return null;
        }
        journal.recorded(UPLOAD, Map.of());
        return status.failure(sent, "uploading the video");
    }
}
