package io.socialsync.platforms.tiktok;

import io.socialsync.platforms.ChunkPlan;
import io.socialsync.platforms.Journal;
import io.socialsync.platforms.Platform;
import io.socialsync.platforms.PlatformHttp;
import io.socialsync.platforms.PlatformSettings;
import io.socialsync.platforms.Progress;
import io.socialsync.platforms.PublishOutcome;
import io.socialsync.platforms.PublishTarget;
import io.socialsync.platforms.Publisher;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * TikTok Direct Post with FILE_UPLOAD: creator info → {@code video/init} → chunked PUTs with Content-Range →
 * {@code status/fetch}. Chunks are addressed by offset, so a chunk may be sent again; the final chunk is the call
 * that posts, and after an unknown outcome of it only {@code status/fetch} is asked. An init whose answer was
 * lost leaves at most a task without bytes, which TikTok drops after an hour: safe to init again.
 */
@Component
public class TikTokPublisher implements Publisher {
    static final String INIT = "init";
    static final String CHUNK = "chunk";
    static final String FINAL = "final_chunk";
    /** Recorded once TikTok holds every byte: from then on the post is TikTok's to make (or to refuse). */
    static final String DELIVERED = "delivered";
    private final PlatformHttp http;
    private final PlatformSettings settings;

    public TikTokPublisher(PlatformHttp http, PlatformSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    @Override
    public Platform platform() {
        return Platform.TIKTOK;
    }

    /** Every byte delivered: the post exists unless TikTok's moderation refuses it, which status/fetch tells. */
    @Override
    public boolean postCreated(Progress progress) {
        return progress.handle(DELIVERED) != null;
    }

    @Override
    public PublishOutcome publish(PublishTarget t, Journal journal) {
        var api = new TikTokApi(http, settings.tiktok().baseUrl(), t.accessToken(), settings.requestTimeout());
        var status = new TikTokStatus(api, t.handle(), settings);
        var plan = ChunkPlan.of(t.media().sizeBytes(), settings.tiktok().chunkSize());
        Progress p = journal.progress();
        String publishId = p.handle("publish_id");
        long uploaded = p.handle("uploaded_bytes") == null ? 0 : Long.parseLong(p.handle("uploaded_bytes"));
        if (p.unresolved(FINAL)) {
            // the last chunk went out and no answer came: ask, never resend blindly
            var known = status.afterLostFinalChunk(publishId, plan.size(), journal);
            if (known != null) {
                return known;
            }
            // TikTok is still waiting for the final chunk: `uploaded` (where it starts) was right all along
        }
        if (publishId != null && uploaded >= plan.size()) {
            return status.await(publishId, journal);
        }
        String uploadUrl = p.handle("upload_url");
        if (publishId == null || uploadUrl == null) {
            var init = new TikTokInit(api, t, settings).start(plan, journal);
            if (!(init instanceof TikTokInit.Started started)) {
                return ((TikTokInit.Refused) init).outcome();
            }
            publishId = started.publishId();
            uploadUrl = started.uploadUrl();
            uploaded = 0;
        }
        var upload = new TikTokUpload(http, settings, t).send(uploadUrl, plan, uploaded, journal);
        if (upload != null) {
            return upload instanceof PublishOutcome.Unknown u ? new PublishOutcome.Unknown(publishId, u.detail())
                    : upload;
        }
        journal.recorded(FINAL, Map.of("uploaded_bytes", String.valueOf(plan.size()), DELIVERED, "true"));
        return status.await(publishId, journal);
    }
}
