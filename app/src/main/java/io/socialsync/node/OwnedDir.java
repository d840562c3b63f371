package io.socialsync.node;

import io.socialsync.config.PrivateFiles;
import io.socialsync.media.TempDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A directory that belongs to one live process: {@code <parent>/<random id>/} with a {@code .lock} file the
 * process holds an exclusive lock on for its whole life. The kernel drops the lock when the process dies, however
 * it dies, so a directory whose lock someone else can take was left by a dead process and may be deleted
 * ({@link #sweep}). The lock file holds a note (pid, roles) for messages.
 */
public final class OwnedDir implements AutoCloseable {
    static final String LOCK = ".lock";
    /** A directory without a lock file is a claim in progress, unless it is older than this. */
    private static final Duration UNCLAIMED_GRACE = Duration.ofMinutes(10);
    /**
     * Directories this JVM owns. Never opened again from here: closing any channel on a file drops every lock
     * the process holds on it (POSIX), and a test JVM runs several contexts.
     */
    private static final Set<Path> OURS = ConcurrentHashMap.newKeySet();

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private OwnedDir(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** What a live owner wrote in its lock file. */
    public record Owner(Path dir, String note) {
    }

    public static OwnedDir claim(Path parent, String note) {
        try {
            PrivateFiles.directory(parent);
            for (int attempt = 0; ; attempt++) {
                Path dir = parent.resolve(UUID.randomUUID().toString().substring(0, 13));
                // ours before its lock file exists: a sweeper in this JVM must never open it, or it could lock
                // and delete it before we lock it, and its close would drop our lock (locks are per process)
                if (!OURS.add(dir)) continue; // this JVM's already
                try {
                    Files.createDirectory(dir, PrivateFiles.directoryAttributes(parent));
                } catch (FileAlreadyExistsException taken) {
                    OURS.remove(dir);
                    continue;
                }
                FileChannel channel = null;
                try {
                    channel = FileChannel.open(dir.resolve(LOCK), Set.of(StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE), PrivateFiles.fileAttributes(dir));
                    FileLock lock = channel.tryLock();
                    // another process's sweeper that locked it between create and lock deletes it before unlocking
                    if (lock != null && Files.exists(dir.resolve(LOCK), LinkOption.NOFOLLOW_LINKS)) {
                        channel.write(StandardCharsets.UTF_8.encode(note + "\n"));
                        channel.force(true);
                        return new OwnedDir(dir, channel, lock);
                    }
                } catch (IOException | RuntimeException e) {
                    if (channel != null) channel.close();
                    OURS.remove(dir);
                    throw e;
                }
                channel.close();
                OURS.remove(dir);
                if (attempt > 3) throw new IOException("cannot lock a directory in " + parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory in " + parent, e);
        }
    }

    public Path path() {
        return path;
    }

    /**
     * Deletes every directory in {@code parent} whose owner is dead (its lock can be taken) and returns them.
     * Safe with other live processes sharing {@code parent}: their locks are held.
     */
    public static List<Path> sweep(Path parent, Instant now) {
        var removed = new ArrayList<Path>();
        for (Path dir : children(parent)) {
            if (OURS.contains(dir)) continue;
            Path lockFile = dir.resolve(LOCK);
            if (!Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)) {
                if (olderThan(dir, now, UNCLAIMED_GRACE)) {
                    delete(dir, removed);
                }
                continue;
            }
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                 FileLock lock = channel.tryLock()) {
                if (lock != null) {
                    delete(dir, removed); // still holding the lock: a new claimant of this name cannot lock it
                }
            } catch (IOException | OverlappingFileLockException | UncheckedIOException busyOrGone) {
                // owned by someone alive, or removed by another sweeper meanwhile
            }
        }
        return removed;
    }

    /** The live owners of directories in {@code parent}, other than this JVM. */
    public static List<Owner> liveOwners(Path parent) {
        var owners = new ArrayList<Owner>();
        for (Path dir : children(parent)) {
            if (OURS.contains(dir)) continue;
            Path lockFile = dir.resolve(LOCK);
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ,
                    StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
                if (lock == null) {
                    owners.add(new Owner(dir, Files.readString(lockFile).strip()));
                }
            } catch (IOException | OverlappingFileLockException notOurs) {
                // no lock file, or gone
            }
        }
        return owners;
    }

    @Override
    public void close() {
        try {
            TempDir.deleteRecursively(path); // still locked and ours: no sweeper deletes it at the same time
        } finally {
            try (channel) {
                lock.release();
            } catch (IOException ignored) {
                // the process is going away; the kernel drops the lock anyway
            }
            OURS.remove(path);
        }
    }

    private static List<Path> children(Path parent) {
        if (!Files.isDirectory(parent)) return List.of();
        try (Stream<Path> list = Files.list(parent)) {
            return list.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean olderThan(Path dir, Instant now, Duration age) {
        try {
            return Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS).toInstant().plus(age).isBefore(now);
        } catch (IOException e) {
            return false;
        }
    }

    private static void delete(Path dir, List<Path> removed) {
        TempDir.deleteRecursively(dir);
        removed.add(dir);
    }
}
