package io.socialsync.bench.chaos;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What one chaos run does ({@code busyEvery}: every how many kills one waits for a worker running FFmpeg). {@link #full} is bench/chaos's default; {@link #shortRun} is the test suite's (a few
 * kills, short outages, no disk-full fault: that one needs root and a mount, which a test must not depend on).
 */
record ChaosOptions(Path jar, Path dir, int workers, int kills, Duration killEvery, int busyEvery, int uploads,
                    Duration storageOutage, boolean diskFull, Duration diskFullFor, Duration drain, boolean keep) {

    static ChaosOptions full(Path jar) {
        return new ChaosOptions(jar, Path.of(System.getProperty("java.io.tmpdir")), 3, 50, Duration.ofSeconds(5), 5, 12,
                Duration.ofSeconds(30), true, Duration.ofSeconds(15), Duration.ofMinutes(5), false);
    }

    static ChaosOptions shortRun(Path jar, Path dir) {
        return new ChaosOptions(jar, dir, 2, 3, Duration.ofSeconds(6), 3, 1, Duration.ofSeconds(5), false,
                Duration.ZERO, Duration.ofSeconds(100), false);
    }

    static ChaosOptions parse(String[] args) {
        var o = full(Path.of("app/target/socialsync-exec.jar"));
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--jar" -> o = o.with(Path.of(args[++i]), o.dir, o.workers, o.kills, o.killEvery, o.uploads, o.diskFull);
                case "--dir" -> o = o.with(o.jar, Path.of(args[++i]), o.workers, o.kills, o.killEvery, o.uploads, o.diskFull);
                case "--workers" -> o = o.with(o.jar, o.dir, Integer.parseInt(args[++i]), o.kills, o.killEvery, o.uploads, o.diskFull);
                case "--kills" -> o = o.with(o.jar, o.dir, o.workers, Integer.parseInt(args[++i]), o.killEvery, o.uploads, o.diskFull);
                case "--kill-every" -> o = o.with(o.jar, o.dir, o.workers, o.kills, Duration.parse("PT" + args[++i]), o.uploads, o.diskFull);
                case "--uploads" -> o = o.with(o.jar, o.dir, o.workers, o.kills, o.killEvery, Integer.parseInt(args[++i]), o.diskFull);
                case "--no-disk-full" -> o = o.with(o.jar, o.dir, o.workers, o.kills, o.killEvery, o.uploads, false);
                case "--keep" -> o = new ChaosOptions(o.jar, o.dir, o.workers, o.kills, o.killEvery, o.busyEvery, o.uploads,
                        o.storageOutage, o.diskFull, o.diskFullFor, o.drain, true);
                case "--help", "-h" -> {
                    System.out.println("usage: bench/chaos [--kills 50] [--kill-every 5s] [--workers 3] [--uploads 12] "
                            + "[--no-disk-full] [--dir DIR] [--keep]");
                    System.exit(0);
                }
                default -> {
                    System.err.println("bench/chaos: unknown argument " + a + " (try --help)");
                    System.exit(2);
                }
            }
        }
        if (o.workers < 1 || o.kills < 0 || o.uploads < 1) {
            System.err.println("bench/chaos: --workers and --uploads must be at least 1, --kills at least 0");
            System.exit(2);
        }
        return o;
    }

    private ChaosOptions with(Path jar, Path dir, int workers, int kills, Duration killEvery, int uploads,
                              boolean diskFull) {
        return new ChaosOptions(jar.toAbsolutePath(), dir.toAbsolutePath(), workers, kills, killEvery, busyEvery, uploads,
                storageOutage, diskFull, diskFullFor, drain, keep);
    }
}
