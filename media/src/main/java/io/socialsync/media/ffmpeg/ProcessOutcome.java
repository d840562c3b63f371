package io.socialsync.media.ffmpeg;

import java.time.Duration;

/** A process that ran to its own end (not killed): exit code and the tail of stderr. */
public record ProcessOutcome(int exitCode, String stderrTail, Duration elapsed) {
    public boolean succeeded() {
        return exitCode == 0;
    }
}
