package io.socialsync.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the disk does alone: {@code dd} writing the same number of bytes to the same directory, synced at the end. */
final class DiskBaseline {
    private DiskBaseline() {
    }

    /** @return seconds {@code dd if=/dev/zero bs=1M count=N conv=fdatasync} took */
    static double seconds(Path dir, long bytes) throws Exception {
        Path target = dir.resolve("dd-baseline.bin");
        long count = Math.max(1, bytes / (1 << 20));
        var dd = new ProcessBuilder(List.of("dd", "if=/dev/zero", "of=" + target, "bs=1M", "count=" + count,
                "conv=fdatasync")).redirectErrorStream(true);
        long start = System.nanoTime();
        Process process = dd.start();
        String output = new String(process.getInputStream().readAllBytes());
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.deleteIfExists(target);
        if (exit != 0) {
            throw new IllegalStateException("dd failed: " + output.strip());
        }
        System.out.println("dd: " + output.strip().lines().reduce((a, b) -> b).orElse(""));
        return seconds * bytes / (count * (double) (1 << 20)); // scaled to exactly the uploaded byte count
    }
}
