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
import java.util.UUID;
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

    /** The upload's file, locked for this request alone until closed. @throws Busy if another request holds it */
    PartFile open(UUID id) throws IOException {
        FileChannel file = FileChannel.open(path(id), StandardOpenOption.WRITE);
        try {
            return new PartFile(id, file, lock(file));
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
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
