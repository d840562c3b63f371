package io.socialsync.bench.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * FFmpeg processes that outlive the JVM that started them. After each kill the FFmpeg children the node had just
 * before are looked at {@link #GRACE_SECONDS} later: one still running is an orphan (counted, then killed so that
 * it does not eat the CPU the rest of the run needs). At the end, /proc is scanned for any FFmpeg working in the
 * run's directory whose parent is not a live node.
 */
final class Orphans implements AutoCloseable {
    static final int GRACE_SECONDS = 5;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong afterKills = new AtomicLong();

    /** {@code media}: the FFmpeg processes of a node just killed; whether there were any. */
    boolean watch(List<ProcessHandle> media) {
        if (!media.isEmpty()) {
            checks.schedule(() -> media.stream().filter(ProcessHandle::isAlive).forEach(p -> {
                afterKills.incrementAndGet();
                p.destroyForcibly();
            }), GRACE_SECONDS, TimeUnit.SECONDS);
        }
        return !media.isEmpty();
    }

    long afterKills() {
        return afterKills.get();
    }

    /** FFmpeg processes mentioning {@code runDir} whose parent is none of {@code nodes}. */
    static List<String> scan(Path runDir, Set<Long> nodes) throws IOException {
        var found = new ArrayList<String>();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String cmd;
                try {
                    cmd = new String(Files.readAllBytes(proc.resolve("cmdline"))).replace('\0', ' ');
                } catch (IOException gone) {
                    continue;
                }
                long pid = Long.parseLong(proc.getFileName().toString());
                if (cmd.contains(runDir.toString()) && ProcessHandle.of(pid).map(Orphans::isFfmpeg).orElse(false)) {
                    var parent = ProcessHandle.of(pid).flatMap(ProcessHandle::parent).map(ProcessHandle::pid);
                    if (parent.isEmpty() || !nodes.contains(parent.get())) {
                        found.add(pid + " " + cmd);
                    }
                }
            }
        }
        return found;
    }

    /**
     * FFmpeg or ffprobe, also while still {@code setpriv --pdeathsig KILL …/ffmpeg …} about to exec it: by the
     * command line's words, the executable's name alone says setpriv (or jspawnhelper) for a moment.
     */
    static boolean isFfmpeg(ProcessHandle p) {
        String cmdline;
        try {
            cmdline = new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline")));
        } catch (IOException gone) {
            cmdline = p.info().command().orElse("");
        }
        for (String word : cmdline.split("\0")) {
            if (word.endsWith("/ffmpeg") || word.endsWith("/ffprobe") || word.equals("ffmpeg") || word.equals("ffprobe")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        checks.shutdown();
        checks.awaitTermination(GRACE_SECONDS + 5, TimeUnit.SECONDS);
    }

    static long total(Collection<String> scanned, long afterKills) {
        return scanned.size() + afterKills;
    }
}
