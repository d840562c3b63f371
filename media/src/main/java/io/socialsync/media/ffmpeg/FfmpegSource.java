package io.socialsync.media.ffmpeg;

/** Where the FFmpeg binaries came from, in lookup order. */
public enum FfmpegSource {
    /** {@code SOCIALSYNC_FFMPEG} / {@code SOCIALSYNC_FFPROBE}. */
    ENV,
    /** {@code ffmpeg} and {@code ffprobe} on {@code PATH}. */
    PATH,
    /** Extracted from the {@code org.bytedeco:ffmpeg} jar into the data directory. */
    BUNDLED
}
