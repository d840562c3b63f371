package io.socialsync.media.ffmpeg;

/** Called on FFmpeg's stdout reader thread, about twice a second; keep it quick. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = p -> {};

    void onProgress(Progress progress);
}
