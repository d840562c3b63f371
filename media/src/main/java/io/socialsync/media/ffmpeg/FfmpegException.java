package io.socialsync.media.ffmpeg;

import java.time.Duration;

/** Why an FFmpeg (or ffprobe) run did not produce a result. Unchecked: callers map it to a job failure. */
public abstract sealed class FfmpegException extends RuntimeException {
    private final String stderrTail;

    FfmpegException(String message, String stderrTail, Throwable cause) {
        super(message, cause);
        this.stderrTail = stderrTail == null ? "" : stderrTail;
    }

    /** The last bytes (at most 64 KB) FFmpeg wrote to stderr; empty if it never started. */
    public String stderrTail() {
        return stderrTail;
    }

    /** No usable binary: not configured, not extractable, or it does not start. */
    public static final class NotAvailable extends FfmpegException {
        public NotAvailable(String message, Throwable cause) {
            super(message, "", cause);
        }

        public NotAvailable(String message) {
            this(message, null);
        }
    }

    /** The process ran and exited non-zero. */
    public static final class Failed extends FfmpegException {
        private final int exitCode;

        public Failed(String tool, int exitCode, String stderrTail) {
            super(tool + " exited with " + exitCode + lastLine(stderrTail), stderrTail, null);
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    /** The watchdog killed the process tree. */
    public static final class TimedOut extends FfmpegException {
        public TimedOut(String tool, Duration timeout, String stderrTail) {
            super(tool + " timed out after " + human(timeout) + " and was killed", stderrTail, null);
        }
    }

    /** Cancelled through a {@link CancelToken} or a thread interrupt; the process tree was killed. */
    public static final class Cancelled extends FfmpegException {
        public Cancelled(String tool, String how, String stderrTail) {
            super(tool + " was cancelled (" + how + ")", stderrTail, null);
        }
    }

    private static String human(Duration d) {
        return d.toMillis() < 10_000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }

    /** The last non-blank stderr line is usually FFmpeg's actual complaint. */
    static String lastLine(String stderr) {
        if (stderr == null) return "";
        String[] lines = stderr.strip().split("\\R");
        String last = lines[lines.length - 1].strip();
        return last.isEmpty() ? "" : ": " + last;
    }
}
