package io.socialsync.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.socialsync.media.TestMedia;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A {@code kill -9} of the JVM takes its FFmpeg with it: a child JVM starts an endless FFmpeg through the real
 * runner, from a virtual thread (whose carrier is not the thread that waits), prints its pid; the test kills the
 * JVM and watches the FFmpeg go.
 */
class ChildDeathTest {

    @Test
    void ffmpegDiesWithTheJvmThatStartedIt() throws Exception {
        assumeThat(ChildProcesses.tiedToJvm()).as("setpriv --pdeathsig available").isTrue();
        TestMedia.ffmpeg(); // extracted before the child JVM needs it
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Process jvm = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Spawner.class.getName()).redirectErrorStream(true).start();
        long ffmpegPid;
        try (var out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            ffmpegPid = out.lines().filter(l -> l.startsWith("ffmpeg-pid=")).findFirst()
                    .map(l -> Long.parseLong(l.substring("ffmpeg-pid=".length())))
                    .orElseThrow(() -> new AssertionError("the child JVM printed no ffmpeg pid"));
            assertThat(alive(ffmpegPid)).isTrue();
            jvm.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
            assertThat(jvm.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            jvm.destroyForcibly();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (alive(ffmpegPid) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        boolean orphaned = alive(ffmpegPid);
        ProcessHandle.of(ffmpegPid).ifPresent(ProcessHandle::destroyForcibly); // never leave one behind
        assertThat(orphaned).as("ffmpeg %d still running 5 s after its JVM was killed", ffmpegPid).isFalse();
    }

    /** Dead, or a zombie waiting for init to reap it (it runs no more). */
    private static boolean alive(long pid) {
        var state = ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> procState(pid));
        return state.isPresent() && !state.get().equals("Z");
    }

    private static String procState(long pid) {
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
        } catch (java.io.IOException gone) {
            return "Z";
        }
    }

    /** The child JVM: an endless real-time FFmpeg on a virtual thread; prints its pid, then waits to be killed. */
    public static final class Spawner {
        public static void main(String[] args) throws Exception {
            Thread.ofVirtual().start(() -> TestMedia.ffmpeg().run(List.of("-re", "-f", "lavfi", "-i",
                    "testsrc2=size=160x120:rate=25", "-f", "null", "-"), RunOptions.defaults()
                    .withTimeout(Duration.ofMinutes(5))));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                var ffmpeg = TestMedia.liveFfmpegProcesses();
                if (!ffmpeg.isEmpty()) {
                    System.out.println("ffmpeg-pid=" + ffmpeg.getFirst().pid());
                    System.out.flush();
                    Thread.sleep(Long.MAX_VALUE);
                }
                Thread.sleep(20);
            }
            System.exit(3); // no FFmpeg came up: the test sees no pid line and fails
        }
    }
}
