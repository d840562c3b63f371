package io.socialsync.platforms.facebook;

import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.Journal;
import io.socialsync.platforms.Pause;
import io.socialsync.platforms.PlatformSettings;
import io.socialsync.platforms.PublishOutcome;
import io.socialsync.platforms.meta.Graph;
import io.socialsync.platforms.meta.MetaErrors;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /{video-id}?fields=status,permalink_url}: the uploading, processing and publishing phases of a Page
 * reel or video.
 */
final class FacebookVideoStatus {
    private final Graph graph;
    private final String handle;
    private final PlatformSettings settings;
    private final boolean reel;

    FacebookVideoStatus(Graph graph, String handle, PlatformSettings settings, boolean reel) {
        this.graph = graph;
        this.handle = handle;
        this.settings = settings;
        this.reel = reel;
    }

    /** Polls until published or failed; otherwise unknown: finish was sent, so nothing is sent again. */
    PublishOutcome await(String video, Journal journal) {
        String last = "no answer";
        for (int i = 0; i < settings.pollAttempts(); i++) {
            var r = graph.get(video, "fields=status,permalink_url");
            if (r instanceof HttpResult.Answered a && a.ok()) {
                JsonNode status = a.json().path("status");
                last = status.path("video_status").asString("") + "/"
                        + status.path("publishing_phase").path("status").asString("");
                if (status.path("publishing_phase").path("status").asString("").equals("complete")
                        || readyWithoutPhases(status)) {
                    return new PublishOutcome.Posted(video, url(video, a.json().path("permalink_url").asString("")));
                }
                String error = error(status);
                if (error != null) {
                    journal.reset("Facebook video " + video + " failed");
                    return PublishOutcome.Failed.permanent("Facebook could not publish the " + (reel ? "reel" : "video")
                            + " for @" + handle + ": " + error + (reel ? " (reels must be 3–90 s, 9:16, at least "
                            + "540×960, 24–60 fps)" : " (re-render the variant as H.264/AAC MP4)"));
                }
            }
            if (!Pause.sleep(settings.pollInterval())) {
                break;
            }
        }
        return new PublishOutcome.Unknown(video, "Facebook has not finished publishing (status " + last + ")");
    }

    /** Graph gives {@code permalink_url} as a path on facebook.com; without it, the usual address of the kind. */
    private String url(String video, String permalink) {
        if (permalink.startsWith("https://")) {
            return permalink;
        }
        if (permalink.startsWith("/")) {
            return "https://www.facebook.com" + permalink;
        }
        return reel ? "https://www.facebook.com/reel/" + video : "https://www.facebook.com/watch/?v=" + video;
    }

    /**
     * Phases are documented for reels; a Page video finished with {@code published=true} may report only
     * {@code video_status=ready}, and then it is out.
     */
    private boolean readyWithoutPhases(JsonNode status) {
        return !reel && status.path("publishing_phase").isMissingNode()
                && status.path("video_status").asString("").equals("ready");
    }

    private static String error(JsonNode status) {
        if (status.path("video_status").asString("").equals("error")) {
            return firstError(status, "processing_phase", "the video failed processing");
        }
        for (String phase : new String[] {"uploading_phase", "processing_phase", "publishing_phase"}) {
            if (status.path(phase).path("status").asString("").equals("error")) {
                return firstError(status, phase, phase.replace('_', ' ') + " failed");
            }
        }
        return null;
    }

    private static String firstError(JsonNode status, String phase, String fallback) {
        return status.path(phase).path("errors").path(0).path("message").asString(fallback);
    }

    PublishOutcome.Failed failure(HttpResult result, String doing) {
        return switch (result) {
            case HttpResult.Answered a -> MetaErrors.map(FacebookPublisher.NAME, handle, a);
            case HttpResult.NotSent n -> PublishOutcome.Failed.retryable("could not reach Facebook while " + doing
                    + ": " + n.detail());
            case HttpResult.NoAnswer n -> PublishOutcome.Failed.retryable("Facebook did not answer while " + doing
                    + ": " + n.detail());
        };
    }
}
