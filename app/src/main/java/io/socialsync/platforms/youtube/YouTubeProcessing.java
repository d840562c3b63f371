package io.socialsync.platforms.youtube;

import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.Journal;
import io.socialsync.platforms.Pause;
import io.socialsync.platforms.PlatformHttp;
import io.socialsync.platforms.PlatformSettings;
import io.socialsync.platforms.PublishOutcome;
import io.socialsync.platforms.PublishTarget;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * After the last byte: {@code videos.list?part=status,processingDetails} until YouTube has processed the video.
 * The video exists from then on, so nothing here uploads again. Processed → posted; failed, rejected, deleted
 * or terminated → failed with YouTube's reason as a sentence; still processing → checked again by a later
 * attempt, until {@code youtube.processing-wait} after the upload, when it is posted as it stands (it is on the
 * channel, and YouTube finishes processing it on its own). A status that cannot be read counts as "still
 * processing": a video that exists is never failed for our trouble reading about it.
 */
final class YouTubeProcessing {
    private final PlatformHttp http;
    private final PlatformSettings settings;
    private final Clock clock;
    private final PublishTarget t;

    YouTubeProcessing(PlatformHttp http, PlatformSettings settings, Clock clock, PublishTarget t) {
        this.http = http;
        this.settings = settings;
        this.clock = clock;
        this.t = t;
    }

    PublishOutcome await(String video, Instant uploadedAt, Journal journal) {
        String last = "no answer";
        for (int i = 0; i < settings.pollAttempts(); i++) {
            if (i > 0 && !Pause.sleep(settings.pollInterval())) {
                break;
            }
            var r = get(video);
            if (!(r instanceof HttpResult.Answered a) || !a.ok()) {
                last = r instanceof HttpResult.Answered a ? "HTTP " + a.status() : "no answer";
                continue;
            }
            JsonNode item = a.json().path("items").path(0);
            if (item.isMissingNode()) {
                last = "not listed yet";
                continue;
            }
            String upload = item.path("status").path("uploadStatus").asString("");
            String processing = item.path("processingDetails").path("processingStatus").asString("");
            // a rejected video may have been processed all right: the upload status is asked first
            String failure = failure(item, upload, processing);
            if (failure != null) {
                journal.reset("YouTube video " + video + " " + (upload.isEmpty() ? processing : upload));
                return PublishOutcome.Failed.permanent(failure + " (video " + video + " on channel " + t.handle()
                        + "): fix that and schedule the clip again");
            }
            if (processing.equals("succeeded") || upload.equals("processed")) {
                return posted(video);
            }
            last = "uploadStatus " + upload + ", processingStatus " + processing;
        }
        if (uploadedAt == null || !clock.instant().isBefore(uploadedAt.plus(settings.youtube().processingWait()))) {
            return posted(video);
        }
        var uploaded = posted(video);
        return new PublishOutcome.Processing(video, uploaded.url(), "YouTube is still processing video " + video
                + " (" + last + "): it is uploaded and will not be uploaded again; SocialSync checks again");
    }

    private HttpResult get(String video) {
        String url = settings.youtube().baseUrl() + "/youtube/v3/videos?part=status,processingDetails&id="
                + PlatformHttp.enc(video);
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + t.accessToken())
                .GET(), settings.requestTimeout());
    }

    private static final Map<String, String> REJECTED = Map.of(
            "claim", "a copyright claim on its content",
            "copyright", "a copyright infringement",
            "duplicate", "it duplicates a video already uploaded",
            "inappropriate", "inappropriate content",
            "legal", "a legal reason",
            "length", "it is longer than the channel may upload (verify the channel to lift the 15-minute limit)",
            "termsOfUse", "a breach of YouTube's terms of use",
            "trademark", "a trademark infringement",
            "uploaderAccountClosed", "the channel's account is closed",
            "uploaderAccountSuspended", "the channel's account is suspended");

    private static final Map<String, String> FAILED = Map.of(
            "codec", "its codec is not supported (render an H.264/AAC MP4 variant)",
            "conversion", "YouTube could not convert it (render the variant again as H.264/AAC MP4)",
            "emptyFile", "the file is empty",
            "invalidFile", "the file is not a video YouTube can read",
            "tooSmall", "the file is too small",
            "uploadAborted", "the upload was aborted");

    private static String failure(JsonNode item, String upload, String processing) {
        JsonNode status = item.path("status");
        return switch (upload) {
            case "rejected" -> "YouTube rejected the video: " + reason(REJECTED, status.path("rejectionReason"),
                    "rejectionReason");
            case "failed" -> "YouTube could not process the video: " + reason(FAILED, status.path("failureReason"),
                    "failureReason");
            case "deleted" -> "the video was deleted from the channel before YouTube finished processing it";
            default -> switch (processing) {
                case "failed" -> "YouTube could not process the video: processing failed ("
                        + item.path("processingDetails").path("processingFailureReason").asString("no reason given")
                        + ")";
                case "terminated" -> "YouTube stopped processing the video";
                default -> null;
            };
        };
    }

    private static String reason(Map<String, String> known, JsonNode code, String field) {
        String value = code.asString("");
        return value.isEmpty() ? "no reason given" : known.getOrDefault(value, value) + " (" + field + " " + value
                + ")";
    }

    static PublishOutcome.Posted posted(String videoId) {
        return new PublishOutcome.Posted(videoId, "https://www.youtube.com/watch?v=" + videoId);
    }
}
