package io.socialsync.meta;

import java.time.Instant;

/**
 * A post of a connected page and the state of its media download (the seed's meta_publicaciones_webhook row).
 * {@code mediaLastError} is JSON {message, type, timestamp, attempt}; {@code localKey} the stored file.
 */
public record MetaPost(long id, long workspaceId, String accountId, MetaPlatform platform, String postId,
                       PostType type, String message, String mediaUrl, MediaStatus mediaStatus, int mediaAttempts,
                       String mediaLastError, Instant mediaUpdatedAt, Instant mediaNextAttemptAt, String localKey,
                       String contentType, Long sizeBytes, String sha256, Instant downloadedAt, Long videoId,
                       Instant createdAt) {
}
