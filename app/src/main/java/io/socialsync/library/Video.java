package io.socialsync.library;

import java.time.Instant;

/** An ingested source file and what probing learned about it. */
public record Video(long id, long workspaceId, String title, String source, String sourceUrl, String uploader,
                    String originalName, String storageKey, String contentType, long sizeBytes, String sha256,
                    VideoState state, String rejectCode, String rejectReason, Long durationMs, Integer width,
                    Integer height, Double fps, String videoCodec, String audioCodec, String container,
                    String statusFb, Instant processedAt, Instant createdAt, Instant updatedAt, String error) {

    /** Where a video came from. */
    public enum Source {
        upload, url, meta
    }

    /** What is known when the bytes are stored, before probing. */
    public record New(long workspaceId, Source source, String title, String sourceUrl, String uploader,
                      String originalName, String storageKey, String contentType, long sizeBytes, String sha256) {
    }
}
