package io.socialsync.media.ffmpeg;

import java.time.Duration;

/**
 * How to run one FFmpeg job.
 *
 * @param timeout watchdog: the process tree is killed after this long
 * @param expectedDuration output duration, to turn {@code out_time} into a percentage; ZERO if unknown
 */
public record RunOptions(Duration timeout, Duration expectedDuration, ProgressListener progress, CancelToken cancel) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(2);

    public RunOptions {
        if (timeout == null) timeout = DEFAULT_TIMEOUT;
        if (expectedDuration == null) expectedDuration = Duration.ZERO;
        if (progress == null) progress = ProgressListener.NONE;
        if (cancel == null) cancel = new CancelToken();
    }

    public static RunOptions defaults() {
        return new RunOptions(null, null, null, null);
    }

    public RunOptions withTimeout(Duration t) {
        return new RunOptions(t, expectedDuration, progress, cancel);
    }

    public RunOptions withExpectedDuration(Duration d) {
        return new RunOptions(timeout, d, progress, cancel);
    }

    public RunOptions withProgress(ProgressListener p) {
        return new RunOptions(timeout, expectedDuration, p, cancel);
    }

    public RunOptions withCancel(CancelToken c) {
        return new RunOptions(timeout, expectedDuration, progress, c);
    }
}
