package io.socialsync.platforms.tiktok;

import io.socialsync.platforms.ChunkPlan;
import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.Journal;
import io.socialsync.platforms.PlatformSettings;
import io.socialsync.platforms.PublishOutcome;
import io.socialsync.platforms.PublishTarget;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Creator info, then {@code video/init}: TikTok's UX rules want the creator's current privacy options and
 * maximum duration used at post time, so both are checked here rather than at scheduling.
 */
final class TikTokInit {
    private static final int MAX_TITLE = 2200;
    private final TikTokApi api;
    private final PublishTarget t;
    private final PlatformSettings settings;

    TikTokInit(TikTokApi api, PublishTarget t, PlatformSettings settings) {
        this.api = api;
        this.t = t;
        this.settings = settings;
    }

    sealed interface Result {
    }

    record Started(String publishId, String uploadUrl) implements Result {
    }

    record Refused(PublishOutcome outcome) implements Result {
    }

    Result start(ChunkPlan plan, Journal journal) {
        var info = api.creatorInfo();
        if (!TikTokApi.ok(info)) {
            return new Refused(failure(info));
        }
        JsonNode creator = ((HttpResult.Answered) info).json().path("data");
        String privacy = settings.tiktok().privacyLevel();
        var options = creator.path("privacy_level_options");
        if (options.isArray() && options.valueStream().noneMatch(o -> o.asString("").equals(privacy))) {
            return new Refused(PublishOutcome.Failed.permanent("TikTok creator @" + t.handle() + " does not allow "
                    + "privacy level " + privacy + " (allowed: " + options + "): change "
                    + "socialsync.platforms.tiktok.privacy-level"));
        }
        long maxSeconds = creator.path("max_video_post_duration_sec").asLong(0);
        Long durationMs = t.media().durationMs();
        if (maxSeconds > 0 && durationMs != null && durationMs > maxSeconds * 1000) {
            return new Refused(PublishOutcome.Failed.permanent("the video is " + durationMs / 1000 + " s but TikTok "
                    + "creator @" + t.handle() + " may post at most " + maxSeconds + " s: use a shorter clip"));
        }
        journal.intent(TikTokPublisher.INIT);
        var init = api.init(body(creator, privacy, plan));
        if (!TikTokApi.ok(init)) {
            journal.recorded(TikTokPublisher.INIT, Map.of());
            return new Refused(failure(init));
        }
        var data = ((HttpResult.Answered) init).json().path("data");
        var started = new Started(data.path("publish_id").asString(""), data.path("upload_url").asString(""));
        journal.recorded(TikTokPublisher.INIT, Map.of("publish_id", started.publishId(), "upload_url",
                started.uploadUrl(), "uploaded_bytes", "0"));
        return started;
    }

    private JsonNode body(JsonNode creator, String privacy, ChunkPlan plan) {
        var body = HttpResult.JSON.createObjectNode();
        String title = t.captionOrEmpty();
        var post = body.putObject("post_info").put("privacy_level", privacy)
                .put("title", title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title)
                .put("disable_comment", creator.path("comment_disabled").asBoolean(false))
                .put("disable_duet", creator.path("duet_disabled").asBoolean(false))
                .put("disable_stitch", creator.path("stitch_disabled").asBoolean(false));
        post.put("video_cover_timestamp_ms", 0);
        body.putObject("source_info").put("source", "FILE_UPLOAD").put("video_size", plan.size())
                .put("chunk_size", plan.chunkSize()).put("total_chunk_count", plan.count());
        return body;
    }

    private PublishOutcome.Failed failure(HttpResult r) {
        return switch (r) {
            case HttpResult.Answered a -> TikTokErrors.map(t.handle(), a);
            case HttpResult.NotSent n -> PublishOutcome.Failed.retryable("could not reach TikTok: " + n.detail());
            case HttpResult.NoAnswer n -> PublishOutcome.Failed.retryable("TikTok did not answer: " + n.detail());
        };
    }
}
