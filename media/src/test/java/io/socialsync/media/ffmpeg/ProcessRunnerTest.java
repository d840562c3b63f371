package io.socialsync.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The watchdog and tree-kill logic, exercised with sh so the process tree is deliberate. */
class ProcessRunnerTest {
    private static Command sh(String script, Duration timeout, CancelToken cancel, List<String> stdout) {
        return new Command(List.of("sh", "-c", script), Map.of(), timeout, cancel, stdout::add);
    }

    @Test
    void returnsExitCodeStdoutLinesAndStderr() {
        List<String> out = new CopyOnWriteArrayList<>();
        ProcessOutcome o = ProcessRunner.run(sh("echo one; echo two; echo oops >&2; exit 3",
                Duration.ofSeconds(10), null, out));
        assertThat(o.exitCode()).isEqualTo(3);
        assertThat(out).containsExactly("one", "two");
        assertThat(o.stderrTail()).isEqualTo("oops\n");
    }

    @Test
    void keepsOnlyTheLast64KbOfStderr() {
        ProcessOutcome o = ProcessRunner.run(sh("head -c 200000 /dev/zero | tr '\\0' x >&2; echo END >&2",
                Duration.ofSeconds(10), null, new CopyOnWriteArrayList<>()));
        assertThat(o.stderrTail()).hasSize(ProcessRunner.STDERR_TAIL_BYTES).endsWith("xEND\n");
    }

    @Test
    void timeoutKillsTheWholeProcessTree() throws InterruptedException {
        List<String> out = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        assertThatThrownBy(() -> ProcessRunner.run(sh("sleep 30 & echo $!; sleep 30", Duration.ofMillis(500), null, out)))
                .isInstanceOf(FfmpegException.TimedOut.class)
                .hasMessageContaining("sh timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
        long grandchild = Long.parseLong(out.getFirst());
        // SIGKILL was sent; the JDK sees a non-child as gone only once init has reaped it
        assertThat(eventuallyGone(grandchild)).as("grandchild %d killed", grandchild).isTrue();
    }

    private static boolean eventuallyGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(50);
        }
        return true;
    }

    @Test
    void cancelTokenKillsTheProcess() {
        CancelToken token = CancelToken.create();
        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS).execute(token::cancel);
        assertThatThrownBy(() -> ProcessRunner.run(sh("sleep 30", Duration.ofSeconds(20), token, List.of())))
                .isInstanceOf(FfmpegException.Cancelled.class)
                .hasMessageContaining("cancel token");
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void interruptCancelsAndKeepsTheInterruptFlag() throws Exception {
        AtomicBoolean flagKept = new AtomicBoolean();
        var failure = new CompletableFuture<Throwable>();
        Thread runner = Thread.ofPlatform().start(() -> {
            try {
                ProcessRunner.run(sh("sleep 30", Duration.ofSeconds(20), null, new CopyOnWriteArrayList<>()));
                failure.complete(null);
            } catch (RuntimeException e) {
                flagKept.set(Thread.currentThread().isInterrupted());
                failure.complete(e);
            }
        });
        Thread.sleep(200);
        runner.interrupt();
        assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(FfmpegException.Cancelled.class)
                .hasMessageContaining("interrupted");
        assertThat(flagKept).isTrue();
    }

    @Test
    void aMissingExecutableIsNotAvailable() {
        assertThatThrownBy(() -> ProcessRunner.run(Command.of(List.of("/nonexistent/ffmpeg"), Duration.ofSeconds(5))))
                .isInstanceOf(FfmpegException.NotAvailable.class)
                .hasMessageContaining("/nonexistent/ffmpeg");
    }
}
