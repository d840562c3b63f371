package io.socialsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's resident-set high-water mark (Linux {@code VmHWM}): the most memory it ever held. */
final class PeakRss {
    private PeakRss() {
    }

    static long kilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no VmHWM in /proc/self/status");
    }
}
