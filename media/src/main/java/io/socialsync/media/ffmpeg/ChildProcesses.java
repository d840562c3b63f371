package io.socialsync.media.ffmpeg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts child processes that die with this JVM, even a {@code kill -9} of it: each command runs under
 * {@code setpriv --pdeathsig KILL} (util-linux), so the kernel SIGKILLs the child when its parent goes. Without
 * setpriv (not Linux, or util-linux older than 2.33) children start plainly, with a warning, and outlive a
 * killed JVM.
 *
 * <p>The kernel's "parent" is the thread that forked, not the process: the child is killed when that thread
 * ends. A virtual thread forks on a pooled carrier thread that may retire at any time, and a pool thread may be
 * retired too, so every child is forked by a platform thread of its own that waits for the child's exit and
 * only then ends. Grandchildren (what yt-dlp spawns) are not covered: their parent is the child.
 */
public final class ChildProcesses {
    static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final Logger log = LoggerFactory.getLogger(ChildProcesses.class);

    private ChildProcesses() {
    }

    /** Whether children die with the JVM here; checked once. */
    public static boolean tiedToJvm() {
        return Probe.SETPRIV_PDEATHSIG;
    }

    /** {@link ProcessBuilder#start()}, with the command wrapped in setpriv and forked by a keeper thread. */
    public static Process start(ProcessBuilder builder) throws IOException {
        String exe = builder.command().getFirst();
        if (tiedToJvm()) {
            // setpriv would start and then fail to exec: find the executable first, as ProcessBuilder would
            var argv = new ArrayList<>(builder.command());
            argv.set(0, executable(exe, builder.directory(), System.getenv("PATH")).toString());
            builder.command(wrap(argv));
        }
        var started = new CompletableFuture<Process>();
        Thread.ofPlatform().daemon().name("child-" + exe.substring(exe.lastIndexOf('/') + 1))
                .start(() -> keep(builder, started));
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw e;
        }
    }

    static List<String> wrap(List<String> argv) {
        if (!tiedToJvm()) return argv;
        var wrapped = new ArrayList<>(List.of(SETPRIV.toString(), "--pdeathsig", "KILL", "--"));
        wrapped.addAll(argv);
        return wrapped;
    }

    /** As the JDK finds it: a name with a slash from the child's directory, any other on the JVM's PATH. */
    private static Path executable(String exe, java.io.File directory, String path) throws IOException {
        if (exe.contains("/")) {
            Path file = directory == null ? Path.of(exe) : directory.toPath().resolve(exe);
            if (Files.isExecutable(file)) return file.toAbsolutePath();
        } else if (path != null) {
            for (String dir : path.split(":")) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, exe);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return candidate.toAbsolutePath();
            }
        }
        throw new IOException("Cannot run program \"" + exe + "\": No such file or not executable");
    }

    /** Forks, then outlives the child: this thread is its parent as far as the kernel's death signal goes. */
    private static void keep(ProcessBuilder builder, CompletableFuture<Process> started) {
        Process process;
        try {
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            started.completeExceptionally(e);
            return;
        }
        started.complete(process);
        while (true) {
            try {
                process.waitFor();
                return;
            } catch (InterruptedException ignored) {
                // nothing interrupts this thread on purpose; it must not end before the child
            }
        }
    }

    private static final class Probe {
        static final boolean SETPRIV_PDEATHSIG = check();

        private static boolean check() {
            if (!Files.isExecutable(SETPRIV)) {
                log.warn("{} not found: FFmpeg and yt-dlp processes will outlive a killed JVM "
                        + "(install util-linux)", SETPRIV);
                return false;
            }
            try {
                Process p = new ProcessBuilder(SETPRIV.toString(), "--help").redirectErrorStream(true).start();
                p.getOutputStream().close();
                String help = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor(10, TimeUnit.SECONDS);
                if (help.contains("--pdeathsig")) return true;
                log.warn("{} has no --pdeathsig (util-linux < 2.33): FFmpeg and yt-dlp processes will outlive "
                        + "a killed JVM", SETPRIV);
                return false;
            } catch (IOException e) {
                log.warn("cannot run {}: FFmpeg and yt-dlp processes will outlive a killed JVM", SETPRIV, e);
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
