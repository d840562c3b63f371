package io.socialsync.platforms.tiktok;

import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.Journal;
import io.socialsync.platforms.Pause;
import io.socialsync.platforms.PlatformSettings;
import io.socialsync.platforms.PublishOutcome;
import java.util.Map;

/** {@code status/fetch} of one publish_id: waiting for PUBLISH_COMPLETE, and recovering a lost final chunk. */
final class TikTokStatus {
    private final TikTokApi api;
    private final String handle;
    private final PlatformSettings settings;

    TikTokStatus(TikTokApi api, String handle, PlatformSettings settings) {
        this.api = api;
        this.handle = handle;
        this.settings = settings;
    }

    PublishOutcome await(String publishId, Journal journal) {
        String last = "no answer";
        for (int i = 0; i < settings.pollAttempts(); i++) {
            var r = api.status(publishId);
            if (TikTokApi.ok(r)) {
                var data = ((HttpResult.Answered) r).json().path("data");
                last = data.path("status").asString("");
                var done = finished(publishId, data, journal);
                if (done != null) {
                    return done;
                }
            }
            if (!Pause.sleep(settings.pollInterval())) {
                break;
            }
        }
        // the bytes are with TikTok: the post is theirs to make now, so this is unknown, never a re-upload
        return new PublishOutcome.Unknown(publishId, "TikTok has not finished (status " + last + ")");
    }

    /**
     * The final chunk got no answer. TikTok still expecting bytes → null (record says: send that chunk again);
     * anything further along → the status it reached. Never guesses.
     */
    PublishOutcome afterLostFinalChunk(String publishId, long size, Journal journal) {
        var r = api.status(publishId);
        if (!TikTokApi.ok(r)) {
            return new PublishOutcome.Unknown(publishId, "could not fetch TikTok's status");
        }
        var data = ((HttpResult.Answered) r).json().path("data");
        var done = finished(publishId, data, journal);
        if (done != null) {
            return done;
        }
        boolean missingBytes = data.path("status").asString("").equals("PROCESSING_UPLOAD")
                && data.path("uploaded_bytes").asLong(size) < size;
        if (missingBytes) {
            journal.recorded(TikTokPublisher.FINAL, Map.of()); // known not delivered: the chunk may go again
            return null;
        }
        journal.recorded(TikTokPublisher.FINAL, Map.of("uploaded_bytes", String.valueOf(size),
                TikTokPublisher.DELIVERED, "true"));
        return await(publishId, journal);
    }

    private PublishOutcome finished(String publishId, tools.jackson.databind.JsonNode data, Journal journal) {
        return switch (data.path("status").asString("")) {
            case "PUBLISH_COMPLETE" -> {
                // the public post id appears only after moderation; until then the publish_id is our reference
                String postId = data.path("publicaly_available_post_id").path(0).asString(null);
                yield postId == null ? new PublishOutcome.Posted(publishId, null)
                        : new PublishOutcome.Posted(postId, "https://www.tiktok.com/@" + handle + "/video/" + postId);
            }
            case "SEND_TO_USER_INBOX" -> new PublishOutcome.Posted(publishId, null);
            case "FAILED" -> {
                journal.reset("TikTok publish " + publishId + " failed");
                yield TikTokErrors.failReason(handle, data.path("fail_reason").asString("unknown"));
            }
            default -> null;
        };
    }
}
