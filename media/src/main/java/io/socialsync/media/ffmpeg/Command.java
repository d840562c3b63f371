package io.socialsync.media.ffmpeg;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One process to run: an argument array (never a shell string, so file names cannot inject anything), extra
 * environment, a watchdog timeout, a cancel token, and a sink for stdout lines.
 */
public record Command(
        List<String> argv,
        Map<String, String> environment,
        Duration timeout,
        CancelToken cancel,
        Consumer<String> stdoutLines) {

    public Command {
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
        cancel = cancel == null ? new CancelToken() : cancel;
        stdoutLines = stdoutLines == null ? line -> {} : stdoutLines;
    }

    public static Command of(List<String> argv, Duration timeout) {
        return new Command(argv, Map.of(), timeout, null, null);
    }

    /** The executable's file name, for messages. */
    String tool() {
        String exe = argv.getFirst();
        return exe.substring(exe.lastIndexOf('/') + 1);
    }
}
