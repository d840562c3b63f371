package io.socialsync.media.ffmpeg;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link Command} under a watchdog. On timeout, cancel or interrupt the whole process tree is killed
 * before the exception is thrown, so callers can delete temp files right away.
 */
public final class ProcessRunner {
    static final int STDERR_TAIL_BYTES = 64 * 1024;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final Logger log = LoggerFactory.getLogger(ProcessRunner.class);

    private ProcessRunner() {}

    /** Returns when the process exits by itself (any exit code); throws if it was killed or could not start. */
    public static ProcessOutcome run(Command command) {
        ProcessBuilder builder = new ProcessBuilder(command.argv());
        builder.environment().putAll(command.environment());
        long start = System.nanoTime();
        Process process;
        try {
            process = ChildProcesses.start(builder); // dies with this JVM
        } catch (IOException e) {
            throw new FfmpegException.NotAvailable("cannot start " + command.argv().getFirst() + ": " + e.getMessage(), e);
        }
        closeQuietly(process);
        TailBuffer stderr = new TailBuffer(STDERR_TAIL_BYTES);
        Thread errReader = Thread.ofVirtual().start(() -> stderr.drain(process.getErrorStream()));
        Thread outReader = Thread.ofVirtual().start(() -> readLines(process.getInputStream(), command));
        try {
            awaitExit(process, command, start, stderr, errReader);
            join(outReader);
            join(errReader);
            return new ProcessOutcome(process.exitValue(), stderr.text(), Duration.ofNanos(System.nanoTime() - start));
        } finally {
            if (process.isAlive()) ProcessTree.kill(process.toHandle());
        }
    }

    private static void awaitExit(Process p, Command c, long start, TailBuffer stderr, Thread errReader) {
        long deadline = start + c.timeout().toNanos();
        while (true) {
            if (c.cancel().isCancelled()) {
                throw killed(p, errReader, () -> new FfmpegException.Cancelled(c.tool(), "cancel token", stderr.text()));
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw killed(p, errReader, () -> new FfmpegException.TimedOut(c.tool(), c.timeout(), stderr.text()));
            }
            try {
                if (p.waitFor(Math.min(left, POLL_NANOS), TimeUnit.NANOSECONDS)) return;
            } catch (InterruptedException e) {
                FfmpegException ex = killed(p, errReader,
                        () -> new FfmpegException.Cancelled(c.tool(), "thread interrupted", stderr.text()));
                Thread.currentThread().interrupt();
                throw ex;
            }
        }
    }

    private static FfmpegException killed(Process p, Thread errReader,
                                          java.util.function.Supplier<FfmpegException> error) {
        ProcessTree.kill(p.toHandle());
        join(errReader); // so the exception carries the complete stderr tail
        return error.get();
    }

    private static void readLines(InputStream in, Command c) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                try {
                    c.stdoutLines().accept(line);
                } catch (RuntimeException e) {
                    // keep draining: a stuck pipe would block the process until the watchdog fires
                    log.warn("stdout consumer of {} failed", c.tool(), e);
                }
            }
        } catch (IOException ignored) {
            // pipe closed by kill
        }
    }

    /** Bounded: a grandchild that kept our pipe open must not hang us (it was killed anyway). */
    private static void join(Thread t) {
        try {
            t.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Process p) {
        try {
            p.getOutputStream().close(); // no stdin: FFmpeg would otherwise read keystrokes from it
        } catch (IOException ignored) {
            // already closed
        }
    }
}
