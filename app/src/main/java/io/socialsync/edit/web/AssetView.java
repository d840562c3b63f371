package io.socialsync.edit.web;

import io.socialsync.edit.Asset;
import java.time.Instant;

/** An asset as the API shows it: {@code url} redirects to a signed, expiring download link. */
public record AssetView(long id, String kind, String url, String contentType, long sizeBytes,
                        double durationSeconds, Integer width, Integer height, long jobId, Instant createdAt) {
    static AssetView of(Asset a) {
        return new AssetView(a.id(), a.kind(), a.url(), a.contentType(), a.sizeBytes(), a.durationMs() / 1000.0,
                a.width(), a.height(), a.jobId(), a.createdAt());
    }
}
