package io.socialsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Wall time and CPU time of a piece of work. CPU counts this JVM and every child process it has waited for
 * ({@code /proc/self/stat} utime+stime+cutime+cstime), so FFmpeg's work is included. On a machine shared with
 * other load, wall time swings with the neighbours while CPU time stays close to the work done: the reports give
 * both.
 */
record Measured(double wallSeconds, double cpuSeconds) {
    /** Linux's USER_HZ, the unit of the /proc/[pid]/stat times, is 100 on every mainstream kernel. */
    static final double TICKS_PER_SECOND = 100;

    static Measured of(Runnable work) {
        double cpu0 = cpu();
        long t0 = System.nanoTime();
        work.run();
        return new Measured((System.nanoTime() - t0) / 1e9, cpu() - cpu0);
    }

    Measured plus(Measured o) {
        return new Measured(wallSeconds + o.wallSeconds, cpuSeconds + o.cpuSeconds);
    }

    Measured min(Measured o) {
        return new Measured(Math.min(wallSeconds, o.wallSeconds), Math.min(cpuSeconds, o.cpuSeconds));
    }

    static double cpu() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command name: state is field 3, so utime..cstime (14..17) are indexes 11..14 here
            long ticks = 0;
            for (int i = 11; i <= 14; i++) ticks += Long.parseLong(f[i]);
            return ticks / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
