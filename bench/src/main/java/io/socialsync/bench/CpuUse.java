package io.socialsync.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * How busy the machine was during a measurement, how much of it was this JVM and (for embedded PostgreSQL)
 * its server processes, and so the CPU time each job cost: on a shared 2-core machine a jobs/s figure means
 * little without it. Linux only (/proc); elsewhere it says so.
 */
final class CpuUse {
    private static final double TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux this runs on
    private final Long postmaster;
    private final long[] machineStart;
    private final long jvmStart;
    private final long pgStart;
    private final long wallStart;

    private CpuUse(Long postmaster) {
        this.postmaster = postmaster;
        this.machineStart = machine();
        this.jvmStart = jvm();
        this.pgStart = postgresTicks(postmaster);
        this.wallStart = System.nanoTime();
    }

    /** @param pgData the embedded PostgreSQL data directory, or null for H2 (in this JVM) */
    static CpuUse start(Path pgData) {
        Long pid = null;
        if (pgData != null) {
            try {
                pid = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).getFirst().trim());
            } catch (IOException | RuntimeException e) {
                pid = null;
            }
        }
        return new CpuUse(pid);
    }

    /**
     * e.g. "machine 98% busy (of 2 cores): this JVM 41%, postgres 45%, other processes 12%; CPU per job 150 µs
     * (JVM 70 + postgres 80) = at most 13,300 jobs/s on 2 idle cores"
     */
    String stop(long jobs) {
        long[] m = machine();
        long jvm = jvm() - jvmStart;
        long wall = System.nanoTime() - wallStart;
        int cores = Runtime.getRuntime().availableProcessors();
        if (m == null || machineStart == null || jvm < 0 || wall <= 0 || jobs <= 0) {
            return "unavailable";
        }
        long total = m[0] - machineStart[0];
        long idle = m[1] - machineStart[1];
        double busy = total == 0 ? 0 : 100.0 * (total - idle) / total;
        double capacity = (double) wall * cores;
        double jvmShare = 100.0 * jvm / capacity;
        double pgNanos = postmaster == null ? 0 : (postgresTicks(postmaster) - pgStart) / TICKS_PER_SECOND * 1e9;
        double pgShare = 100.0 * pgNanos / capacity;
        double perJobMicros = (jvm + pgNanos) / 1e3 / jobs;
        String db = postmaster == null ? "" : String.format(", postgres %.0f%%", pgShare);
        String split = postmaster == null ? "" : String.format(" (JVM %.0f + postgres %.0f)",
                jvm / 1e3 / jobs, pgNanos / 1e3 / jobs);
        return String.format("machine %.0f%% busy (of %d cores): this JVM %.0f%%%s, other processes %.0f%%; "
                        + "CPU per job %.0f µs%s, so at most %,.0f jobs/s on %d idle cores", busy, cores, jvmShare, db,
                Math.max(0, busy - jvmShare - pgShare), perJobMicros, split, cores * 1e6 / perJobMicros, cores);
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** {total jiffies, idle+iowait jiffies} from the first line of /proc/stat, or null. */
    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long jvm() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    /** utime + stime of the postmaster and its children (the backends, which the pool keeps open). */
    private static long postgresTicks(Long postmaster) {
        if (postmaster == null) {
            return 0;
        }
        long sum = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    // fields after the command name, which is in parentheses and may hold spaces
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(p.getFileName().toString());
                    long ppid = Long.parseLong(f[1]);
                    if (pid == postmaster || ppid == postmaster) {
                        sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended between list and read
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return sum;
    }
}
