package io.socialsync.library.web;

import io.socialsync.library.Video;
import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/** A video as the API shows it; the storage key and hash stay internal except for the content hash. */
@NamedInterface("video-view")
public record VideoView(long id, String title, String source, String sourceUrl, String uploader, String originalName,
                        String contentType, long sizeBytes, String sha256, String state, Rejection rejection, String error,
                        Double durationSeconds, Integer width, Integer height, Double fps, String videoCodec,
                        String audioCodec, String container, String statusFb, Instant processedAt,
                        Instant createdAt, Instant updatedAt) {

    public record Rejection(String code, String reason) {
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
