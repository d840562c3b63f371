package io.socialsync.ingest.tus;

import io.socialsync.config.DataDirectory;
import io.socialsync.config.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The bytes of unfinished uploads, one {@code <data-dir>/tus/<id>.part} file each, written through {@link PartFile}
 * under an exclusive file lock, so two PATCHes of one upload never interleave (also across processes).
 */
@Component
public class TusFiles {
    private final Path dir;

    public TusFiles(DataDirectory data) {
        this.dir = data.privateDirectory("tus");
    }

    public Path path(UUID id) {
        return dir.resolve(id + ".part");
    }

    /**
     * Present while a PATCH with {@code Upload-Checksum} writes: its bytes are unverified until the whole chunk
     * has arrived and matched, so bytes a crash left past the recorded offset are dropped, not kept.
     */
    Path unverified(UUID id) {
        return dir.resolve(id + ".part.unverified");
    }

    void create(UUID id) throws IOException {
        Files.deleteIfExists(path(id));
        Files.createFile(path(id), PrivateFiles.fileAttributes(dir));
    }

    boolean delete(UUID id) throws IOException {
        Files.deleteIfExists(unverified(id)); // first: the sweep finds orphans by their .part
        return Files.deleteIfExists(path(id));
    }

    Stream<Path> all() throws IOException {
        return Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".part"));
    }

    /** Another request is writing this upload right now. */
    static final class Busy extends IOException {
        Busy() {
            super("another request is writing to this upload");
        }
    }

    /**
     * Uploads open in this JVM. File locks belong to the whole process, and closing any channel of a file drops
     * them: a HEAD that opened the file only to find it Busy released the lock of the PATCH writing it. So a second
     * request in this JVM is told Busy before it opens the file at all.
     */
    private static final Set<UUID> OPEN = ConcurrentHashMap.newKeySet();

    /** The upload's file, locked for this request alone until closed. @throws Busy if another request holds it */
    PartFile open(UUID id) throws IOException {
        if (!OPEN.add(id)) {
            throw new Busy();
        }
        FileChannel file = null;
        try {
            file = FileChannel.open(path(id), StandardOpenOption.WRITE);
            return new PartFile(id, file, lock(file));
        } catch (IOException | RuntimeException e) {
            if (file != null) file.close();
            OPEN.remove(id);
            throw e;
        }
    }

    /** {@link PartFile#close}: the upload may be opened again in this JVM. */
    static void closed(UUID id) {
        OPEN.remove(id);
    }

    private static FileLock lock(FileChannel file) throws IOException {
        try {
            FileLock lock = file.tryLock();
            if (lock == null) {
                throw new Busy();
            }
            return lock;
        } catch (OverlappingFileLockException e) {
            throw new Busy();
        }
    }
}
