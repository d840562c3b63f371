package io.socialsync.media.ffmpeg;

/**
 * A flag a job owner flips to stop a running FFmpeg. Polled by {@link ProcessRunner}; interrupting the thread that
 * waits on the run works too.
 */
public final class CancelToken {
    private volatile boolean cancelled;

    public static CancelToken create() {
        return new CancelToken();
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
