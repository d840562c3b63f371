package io.socialsync.platforms.tiktok;

import io.socialsync.platforms.ChunkPlan;
import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.Journal;
import io.socialsync.platforms.Media;
import io.socialsync.platforms.PlatformHttp;
import io.socialsync.platforms.PlatformSettings;
import io.socialsync.platforms.PublishOutcome;
import io.socialsync.platforms.PublishTarget;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

/**
 * The chunked PUTs to TikTok's {@code upload_url}, strictly in order. After each non-final chunk the byte count
 * is recorded, so a later run continues from there; the final chunk is written ahead as an intent because it is
 * the one that makes TikTok post.
 */
final class TikTokUpload {
    private final PlatformHttp http;
    private final PlatformSettings settings;
    private final PublishTarget t;

    TikTokUpload(PlatformHttp http, PlatformSettings settings, PublishTarget t) {
        this.http = http;
        this.settings = settings;
        this.t = t;
    }

    /** @return null when every byte was accepted; otherwise why not (Unknown: the final chunk got no answer) */
    PublishOutcome send(String url, ChunkPlan plan, long uploaded, Journal journal) {
        for (int i = plan.indexAt(uploaded); i < plan.count(); i++) {
            boolean last = i == plan.count() - 1;
            if (last) {
                journal.intent(TikTokPublisher.FINAL);
            }
            var result = put(url, plan.first(i), plan.last(i), plan.size());
            if (result instanceof HttpResult.NoAnswer none) {
                return last ? new PublishOutcome.Unknown(null, "final chunk sent, no answer: " + none.detail())
                        : PublishOutcome.Failed.retryable("TikTok did not answer a chunk upload: " + none.detail());
            }
            boolean accepted = result instanceof HttpResult.Answered a && (a.status() == 201 || a.status() == 206);
            if (!accepted) {
                if (last) {
                    journal.recorded(TikTokPublisher.FINAL, Map.of()); // refused: known not delivered
                }
                return refused(result, journal);
            }
            if (!last) {
                journal.recorded(TikTokPublisher.CHUNK, Map.of("uploaded_bytes", String.valueOf(plan.last(i) + 1)));
                journal.transferred(plan.last(i) + 1, plan.size());
            }
        }
        return null;
    }

    private HttpResult put(String url, long first, long last, long total) {
        long length = last - first + 1;
        var body = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> t.media().open(first, last)), length);
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", Media.CONTENT_TYPE)
                .header("Content-Range", "bytes " + first + "-" + last + "/" + total)
                .PUT(body), settings.uploadTimeout());
    }

    private PublishOutcome refused(HttpResult result, Journal journal) {
        if (result instanceof HttpResult.NotSent n) {
            return PublishOutcome.Failed.retryable("could not reach TikTok's upload server: " + n.detail());
        }
        var a = (HttpResult.Answered) result;
        if (a.status() == 403 || a.status() == 404 || a.status() == 416) {
            // expired upload_url (valid one hour), no such task, or TikTok lost track of our progress
            journal.reset("TikTok upload answered " + a.status());
            return PublishOutcome.Failed.retryable("TikTok's upload link expired or lost track (HTTP " + a.status()
                    + "): SocialSync starts the upload again");
        }
        if (a.status() >= 500) {
            return PublishOutcome.Failed.retryable("TikTok's upload server failed (HTTP " + a.status()
                    + "): SocialSync sends the chunk again");
        }
        return TikTokErrors.map(t.handle(), a);
    }
}
