package io.socialsync.meta.web;

import io.socialsync.meta.MetaPost;
import io.socialsync.meta.webhooks.MetaCounters;
import java.net.URI;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Meta post with its media state. {@code local_url} is a signed link to the stored file, minted per response
 * (links expire; the storage key in {@code local_key} does not).
 */
public record MetaPostView(long id, String postId, String accountId, String platform, String type, String message,
                           String mediaUrl, String mediaStatus, int mediaAttempts, JsonNode mediaLastError,
                           Instant mediaUpdatedAt, Instant mediaNextAttemptAt, String localKey, URI localUrl,
                           String contentType, Long sizeBytes, Instant downloadedAt, Long videoId,
                           MetaCounters.Counts counters, Instant createdAt) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static MetaPostView of(MetaPost p, URI localUrl, MetaCounters.Counts counts) {
        return new MetaPostView(p.id(), p.postId(), p.accountId(), p.platform().wire(), p.type().wire(), p.message(),
                p.mediaUrl(), p.mediaStatus().wire(), p.mediaAttempts(),
                p.mediaLastError() == null ? null : JSON.readTree(p.mediaLastError()), p.mediaUpdatedAt(),
                p.mediaNextAttemptAt(), p.localKey(), localUrl, p.contentType(), p.sizeBytes(), p.downloadedAt(),
                p.videoId(), counts, p.createdAt());
    }
}
