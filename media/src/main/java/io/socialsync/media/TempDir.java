package io.socialsync.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A scratch directory that deletes itself with everything in it on {@link #close()}, so temp files go away on
 * success, failure and cancellation alike when used with try-with-resources.
 */
public final class TempDir implements AutoCloseable {
    private final Path path;

    private TempDir(Path path) {
        this.path = path;
    }

    public static TempDir create(Path parent, String prefix) {
        try {
            Files.createDirectories(parent);
            return new TempDir(Files.createTempDirectory(parent, prefix));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp directory in " + parent, e);
        }
    }

    public Path path() {
        return path;
    }

    public Path resolve(String name) {
        return path.resolve(name);
    }

    /** Idempotent; a file that vanished meanwhile is not an error. */
    @Override
    public void close() {
        deleteRecursively(path);
    }

    public static void deleteRecursively(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (NoSuchFileException ignored) {
                    // deleted concurrently: fine
                }
            }
        } catch (NoSuchFileException ignored) {
            // root deleted concurrently: fine
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
