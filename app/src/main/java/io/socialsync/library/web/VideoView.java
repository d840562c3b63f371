package io.socialsync.library.web;

import io.socialsync.library.Video;
import java.time.Instant;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** A video as the API shows it; the storage key and hash stay internal except for the content hash. */
@NamedInterface("video-view")
@NullMarked
public record VideoView(long id, @Nullable String title, String source, @Nullable String sourceUrl,
                        @Nullable String uploader, @Nullable String originalName, @Nullable String contentType,
                        long sizeBytes, String sha256, String state, @Nullable Rejection rejection,
                        @Nullable String error, @Nullable Double durationSeconds, @Nullable Integer width,
                        @Nullable Integer height, @Nullable Double fps, @Nullable String videoCodec,
                        @Nullable String audioCodec, @Nullable String container, String statusFb,
                        @Nullable Instant processedAt, Instant createdAt, Instant updatedAt) {

    public record Rejection(@Nullable String code, String reason) {
    }

    public static VideoView of(Video v) {
        return new VideoView(v.id(), v.title(), v.source(), v.sourceUrl(), v.uploader(), v.originalName(),
                v.contentType(), v.sizeBytes(), v.sha256(), v.state().name(),
                v.rejectReason() == null ? null : new Rejection(v.rejectCode(), v.rejectReason()), v.error(),
                v.durationMs() == null ? null : v.durationMs() / 1000.0, v.width(), v.height(), v.fps(),
                v.videoCodec(), v.audioCodec(), v.container(), v.statusFb(), v.processedAt(), v.createdAt(),
                v.updatedAt());
    }
}
