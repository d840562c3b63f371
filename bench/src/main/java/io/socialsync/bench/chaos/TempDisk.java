package io.socialsync.bench.chaos;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The workers' disk: a tmpfs of its own size mounted at {@code dir} (as root), so that "disk full" is a real
 * ENOSPC from the kernel, not a simulation. Filled by writing a file until the kernel refuses, then emptied.
 */
final class TempDisk implements AutoCloseable {
    private static final String FILLER = ".chaos-filler";
    final Path dir;
    private final boolean mounted;

    private TempDisk(Path dir, boolean mounted) {
        this.dir = dir;
        this.mounted = mounted;
    }

    /** A tmpfs of {@code megabytes} at {@code dir} when {@code mount} and this process may mount; else a plain dir. */
    static TempDisk at(Path dir, int megabytes, boolean mount) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        if (!mount) {
            return new TempDisk(dir, false);
        }
        var p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m,mode=0700", "tmpfs",
                dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("cannot mount a tmpfs at " + dir + " (root needed; or pass --no-disk-full): " + out);
        }
        return new TempDisk(dir, true);
    }

    boolean real() {
        return mounted;
    }

    /** Writes until the file system is full; returns the bytes written. */
    long fill() throws IOException {
        var buffer = ByteBuffer.allocate(1 << 20);
        long written = 0;
        try (var out = FileChannel.open(dir.resolve(FILLER), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            while (true) {
                buffer.clear();
                written += out.write(buffer);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
        return written;
    }

    /** Free bytes left on the file system. */
    long usable() throws IOException {
        return Files.getFileStore(dir).getUsableSpace();
    }

    void empty() throws IOException {
        Files.deleteIfExists(dir.resolve(FILLER));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (mounted) {
            empty();
            unmount(dir);
        }
    }

    /** {@code umount -l}; nothing when nothing is mounted there. */
    static void unmount(Path dir) {
        try {
            new ProcessBuilder("umount", "-l", dir.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException | InterruptedException e) {
            // best effort, on the way out
        }
    }
}
