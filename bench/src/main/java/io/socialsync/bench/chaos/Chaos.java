package io.socialsync.bench.chaos;

import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.ffmpeg.RunOptions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * One chaos run: the rig up, the workload flowing, and meanwhile a random worker killed with SIGKILL every few
 * seconds, PostgreSQL restarted once, storage down for a while and the workers' disk filled once; then a drain
 * with every node up and no faults, and the counts.
 */
final class Chaos {
    private final ChaosOptions options;
    private final PrintStream out;
    private final long t0 = System.nanoTime();
    private final Random random = new Random();
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile boolean stopping;

    Chaos(ChaosOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    Figures run() throws Exception {
        Files.createDirectories(options.dir());
        Path dir = Files.createTempDirectory(options.dir(), "socialsync-chaos-");
        // stopped half-way (Ctrl-C, a test timeout): no node, FFmpeg or mount may outlive the run
        var cleanUp = new Thread(() -> {
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            TempDisk.unmount(dir.resolve("workers"));
        });
        Runtime.getRuntime().addShutdownHook(cleanUp);
        try {
            return run(dir);
        } finally {
            Runtime.getRuntime().removeShutdownHook(cleanUp);
            if (!options.keep()) {
                delete(dir);
            } else {
                log("kept " + dir);
            }
        }
    }

    private Figures run(Path dir) throws Exception {
        String runId = "r" + Long.toString(System.currentTimeMillis(), 36);
        var ffmpeg = Ffmpeg.locate(cacheDir());
        byte[] base = sourceVideo(ffmpeg, Files.createDirectories(dir.resolve("media")));
        log("run dir " + dir + "; " + options.workers() + " workers, " + options.kills() + " kills every "
                + options.killEvery().toSeconds() + " s, " + options.uploads() + " uploads");
        try (var rig = new ChaosRig(options, dir, ffmpeg.binaries()); var orphans = new Orphans()) {
            log("workers' disk: " + (rig.disk.real() ? "tmpfs of its own at " + rig.disk.dir + " ("
                    + rig.disk.usable() / (1 << 20) + " MiB free)" : "a plain directory (no disk-full fault)"));
            var api = rig.startNodes(Duration.ofMinutes(4));
            log("API node and " + rig.workers.size() + " workers up");
            var flows = setUp(api, rig, runId, base);
            var supervisor = Thread.ofPlatform().name("supervisor").start(() -> supervise(rig));
            var driven = new CopyOnWriteArrayList<Flow>();
            var driver = Thread.ofPlatform().name("workload").start(() -> drive(api, flows, driven));
            int kills = killPhase(rig, orphans);
            log("kills done: " + kills + "; draining (every node up, no faults)");
            boolean drained = drain(rig, flows, driven);
            stopping = true;
            driver.join();
            supervisor.join();
            return count(dir, rig, orphans, flows, kills, drained);
        }
    }

    /** Rules that let a post go at once, one Instagram account per flow, and the flows (not started yet). */
    private List<Flow> setUp(Api api, ChaosRig rig, String runId, byte[] base) throws Exception {
        await(() -> api.post("/rules", "{\"rules\":{\"instagram\":{\"window_start_hour\":0,\"window_end_hour\":24,"
                + "\"min_gap_minutes\":0}}}", null).ok());
        var flows = new ArrayList<Flow>();
        for (int i = 0; i < options.uploads(); i++) {
            String body = "{\"platform\":\"instagram\",\"handle\":\"chaos" + i + "\",\"timezone\":\"UTC\","
                    + "\"external_ids\":{\"ig_user_id\":\"17841400000" + String.format("%03d", i) + "\"},"
                    + "\"access_token\":\"IG-" + runId + "-" + i + "\"}";
            var created = new Api.Answer[1];
            await(() -> (created[0] = api.post("/social-accounts", body, null)).ok());
            flows.add(new Flow(i, runId, distinct(base, i), created[0].json().path("id").asLong()));
        }
        return flows;
    }

    /** Restarts every worker that is down (killed, or exited on its own while the database was away). */
    private void supervise(ChaosRig rig) {
        while (!stopping) {
            for (Node w : rig.workers) {
                try {
                    if (!w.alive()) {
                        w.start();
                        restarts.incrementAndGet();
                    }
                } catch (Exception e) {
                    log("cannot restart " + w.name + ": " + e);
                }
            }
            sleep(300);
        }
    }

    /** Uploads spread over the kill phase; every started flow stepped once a second. */
    private void drive(Api api, List<Flow> flows, List<Flow> driven) {
        long spacing = options.killEvery().toMillis() * Math.max(1, options.kills()) / flows.size();
        long next = System.currentTimeMillis();
        while (!stopping) {
            if (driven.size() < flows.size() && System.currentTimeMillis() >= next) {
                driven.add(flows.get(driven.size()));
                next += spacing;
            }
            for (Flow f : driven) {
                if (!f.done()) {
                    f.step(api);
                }
            }
            sleep(1000);
        }
    }

    private int killPhase(ChaosRig rig, Orphans orphans) throws Exception {
        var faults = new ArrayList<Thread>();
        int kills = 0;
        int killsDuringFfmpeg = 0;
        while (kills < options.kills()) {
            Thread.sleep(options.killEvery().toMillis());
            if (kills == options.kills() / 4 && faults.isEmpty()) {
                faults.add(fault("PostgreSQL restart", () -> rig.postgres.restart(3000)));
            } else if (kills == options.kills() / 2 && faults.size() == 1) {
                faults.add(fault("storage outage " + options.storageOutage().toSeconds() + " s",
                        () -> rig.storage.outage(options.storageOutage().toMillis())));
            } else if (kills == options.kills() * 3 / 4 && faults.size() == 2 && options.diskFull()) {
                faults.add(fault("workers' disk full for " + options.diskFullFor().toSeconds() + " s", () -> {
                    long bytes = rig.disk.fill();
                    log("disk full: " + bytes / (1 << 20) + " MiB of filler, " + rig.disk.usable() + " bytes free");
                    Thread.sleep(options.diskFullFor().toMillis());
                    rig.disk.empty();
                }));
            }
            Node victim = victim(rig.workers, options.busyEvery() > 0 && kills % options.busyEvery() == 0);
            if (victim == null) {
                continue; // every worker is starting: nothing to kill yet
            }
            int generation = victim.generation();
            boolean wasReady = victim.ready();
            var ffmpeg = victim.kill9();
            if (orphans.watch(ffmpeg)) {
                killsDuringFfmpeg++;
            }
            kills++;
            log("kill -9 #" + kills + " " + victim.name + " (generation " + generation + (wasReady ? "" : ", starting")
                    + (ffmpeg.isEmpty() ? "" : ", running FFmpeg") + ")");
        }
        log(killsDuringFfmpeg + " of the " + kills + " kills hit a worker while it ran FFmpeg");
        for (Thread f : faults) {
            f.join();
        }
        return kills;
    }

    /**
     * A random worker that is up. Every {@link ChaosOptions#busyEvery}th kill prefers one running FFmpeg right
     * now (waiting up to one more interval for one): those are the kills that can leave a process or files
     * behind. Not every kill: a job's attempts are few (3 for analysis and renders), and a driver that always
     * killed the busy worker would fail every job instead of testing that work gets through. When no worker has
     * finished starting for three intervals (a loaded machine starts a JVM slowly), one that is starting is
     * killed: a crash half-way through its start (migration checks, sweeps, first claims) is worth surviving too.
     */
    private Node victim(List<Node> workers, boolean preferBusy) throws InterruptedException {
        long start = System.nanoTime();
        long busyDeadline = start + options.killEvery().toNanos();
        long readyDeadline = start + 3 * options.killEvery().toNanos();
        List<Node> ready;
        do {
            ready = workers.stream().filter(Node::ready).toList();
            var busy = ready.stream().filter(Node::runsFfmpeg).toList();
            if (!busy.isEmpty() && preferBusy) {
                return busy.get(random.nextInt(busy.size()));
            }
            if (!ready.isEmpty() && (!preferBusy || System.nanoTime() > busyDeadline)) {
                break;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < readyDeadline);
        if (!ready.isEmpty()) {
            return ready.get(random.nextInt(ready.size()));
        }
        var starting = workers.stream().filter(Node::alive).toList();
        return starting.isEmpty() ? null : starting.get(random.nextInt(starting.size()));
    }

    private interface Action {
        void run() throws Exception;
    }

    private Thread fault(String name, Action action) {
        log("fault: " + name + " begins");
        return Thread.ofPlatform().name(name).start(() -> {
            try {
                action.run();
                log("fault: " + name + " over");
            } catch (Exception e) {
                log("fault: " + name + " went wrong: " + e);
            }
        });
    }

    /**
     * Until every worker is up again (a started worker has swept what its killed predecessors left, so counting
     * before the last kill's successor is up would count its leftovers as leaks), every flow settled and no job
     * is due or running, or the drain time is up.
     */
    private boolean drain(ChaosRig rig, List<Flow> flows, List<Flow> driven) throws Exception {
        long deadline = System.nanoTime() + options.drain().toNanos();
        while (System.nanoTime() < deadline) {
            if (rig.workers.stream().allMatch(Node::ready) && driven.size() == flows.size()
                    && flows.stream().allMatch(Flow::done)) {
                try (var c = rig.postgres.connect()) {
                    if (Census.dueUnfinished(c) == 0 && Census.stuck(c).values().stream().allMatch(n -> n == 0)) {
                        return true;
                    }
                } catch (java.sql.SQLException retry) {
                    // not yet
                }
            }
            Thread.sleep(1000);
        }
        return false;
    }

    private Figures count(Path dir, ChaosRig rig, Orphans orphans, List<Flow> flows, int kills, boolean drained)
            throws Exception {
        out.println();
        out.println("drain " + (drained ? "complete" : "timed out after " + options.drain().toSeconds() + " s")
                + " at " + elapsed() + "; workers started again " + restarts.get() + " times (" + kills
                + " after a kill, the rest after exiting on their own, e.g. while PostgreSQL was down)");
        var outcomes = flows.stream().collect(Collectors.groupingBy(f -> f.done() ? f.outcome : "unsettled: " + f.stage(),
                java.util.TreeMap::new, Collectors.counting()));
        out.println("workload: " + flows.size() + " uploads → " + outcomes);
        var reels = rig.instagram.reels();
        var nodePids = new java.util.HashSet<Long>();
        nodePids.add(rig.api.handle().pid());
        rig.workers.stream().filter(Node::alive).forEach(w -> nodePids.add(w.handle().pid()));
        var leftoverFfmpeg = Orphans.scan(dir, nodePids);
        long lost;
        long twice;
        long stuckTotal;
        long missing;
        try (var c = rig.postgres.connect()) {
            Census.jobTable(c).forEach(row -> out.println("  " + row));
            long due = Census.dueUnfinished(c);
            long overdue = Census.overdue(c);
            long missingVideos = Census.missingVideos(c, flows.stream().map(f -> f.videoId).filter(id -> id != null)
                    .toList());
            lost = due + overdue + missingVideos;
            out.println("lost: " + due + " due jobs not finished, " + overdue + " publications overdue, "
                    + missingVideos + " accepted uploads without their video");
            twice = Census.completedTwice(c);
            var stuck = Census.stuck(c);
            stuckTotal = stuck.values().stream().mapToLong(Long::longValue).sum();
            out.println("stuck: " + stuck);
            missing = Census.postedButMissing(c, reels);
        }
        long publishedTwice = Census.publishedTwice(reels);
        out.println("instagram holds " + reels.size() + " reels; captions on two or more: " + publishedTwice
                + "; posted here but not there: " + missing);
        var dataDirs = new ArrayList<Path>();
        dataDirs.add(rig.api.dataDir);
        rig.workers.forEach(w -> dataDirs.add(w.dataDir));
        var leaked = Census.leaked(dataDirs, dir.resolve("s3"));
        out.println("leaked files: " + leaked.size());
        leaked.stream().limit(20).forEach(p -> out.println("  " + dir.relativize(p) + " " + size(p)));
        long orphanCount = Orphans.total(leftoverFfmpeg, orphans.afterKills());
        out.println("orphan FFmpeg: " + orphans.afterKills() + " alive " + Orphans.GRACE_SECONDS
                + " s after their node's kill, " + leftoverFfmpeg.size() + " left at the end");
        leftoverFfmpeg.stream().limit(5).forEach(p -> out.println("  " + p));
        var verify = new StringBuilder();
        int verifyExit = rig.ledgerVerify(verify);
        out.println("ledger verify: exit " + verifyExit + ": " + verify.toString().lines().reduce((a, b) -> b).orElse(""));
        return new Figures(kills, lost, twice, publishedTwice + missing, stuckTotal, orphanCount, leaked.size(),
                verifyExit == 0);
    }

    /**
     * 6 s of 320x180 with a tone, generated once per run: one clip (the whole video, shorter than the 15 s
     * minimum), so that a render takes seconds and work gets through between kills.
     */
    private static byte[] sourceVideo(Ffmpeg ffmpeg, Path dir) throws Exception {
        Path file = dir.resolve("source.mp4");
        ffmpeg.run(List.of("-y", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=6", "-f", "lavfi",
                "-i", "sine=frequency=440:sample_rate=48000:duration=6", "-c:v", "libx264", "-preset", "ultrafast",
                "-g", "50", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", "-movflags", "+faststart",
                Ffmpeg.fileArg(file)), RunOptions.defaults());
        return Files.readAllBytes(file);
    }

    /**
     * The same video with a different trailing free box: other bytes (uploads are deduplicated by content), the
     * same pictures. A {@code free} box at the end of an MP4 is skipped by every reader.
     */
    static byte[] distinct(byte[] video, int index) {
        byte[] tag = ("chaos-upload-" + index).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] out = java.util.Arrays.copyOf(video, video.length + 8 + tag.length);
        int size = 8 + tag.length;
        out[video.length] = (byte) (size >>> 24);
        out[video.length + 1] = (byte) (size >>> 16);
        out[video.length + 2] = (byte) (size >>> 8);
        out[video.length + 3] = (byte) size;
        System.arraycopy("free".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, out, video.length + 4, 4);
        System.arraycopy(tag, 0, out, video.length + 8, tag.length);
        return out;
    }

    private static Path cacheDir() {
        String dir = System.getenv("BENCH_CACHE");
        return dir != null && !dir.isBlank() ? Path.of(dir)
                : Path.of(System.getProperty("user.home"), ".cache", "socialsync-bench");
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void await(Check check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the API did not answer the set-up requests");
            }
            Thread.sleep(500);
        }
    }

    private void log(String line) {
        out.printf("[%s] %s%n", elapsed(), line);
    }

    private String elapsed() {
        long s = (System.nanoTime() - t0) / 1_000_000_000;
        return String.format("%d:%02d", s / 60, s % 60);
    }

    private static String size(Path p) {
        try {
            return Files.isDirectory(p) ? "(empty dir)" : Files.size(p) + " bytes";
        } catch (Exception e) {
            return "";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

}
