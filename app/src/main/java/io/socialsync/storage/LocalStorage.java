package io.socialsync.storage;

import io.socialsync.node.OwnedDir;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Objects as files under {@code <data-dir>/files}. A put writes a temp file, syncs it and renames it into place,
 * so readers see the old file or the new one. Paths come only from {@link LocalRoot}.
 *
 * <p>Temp files live in this process's own {@code <root>/.tmp/<id>/} (an {@link OwnedDir}; keys cannot start
 * with a dot, so it is never a key), not beside their targets: a process killed mid-put leaves its temp file
 * there, and the next process to open the storage deletes the directories of dead owners, even when several
 * nodes share the root. Inside the root the rename stays on one file system (a sub-directory mounted from
 * another one makes the put fail rather than copy).
 */
public class LocalStorage implements Storage, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalStorage.class);
    private final LocalRoot root;
    private final UrlSigner signer;
    private final Clock clock;
    private final OwnedDir scratch;

    public LocalStorage(Path root, UrlSigner signer, Clock clock) {
        this.root = LocalRoot.create(root);
        this.signer = signer;
        this.clock = clock;
        Path temps = this.root.path().resolve(".tmp");
        this.scratch = OwnedDir.claim(temps, "pid=" + ProcessHandle.current().pid());
        List<Path> removed = OwnedDir.sweep(temps, clock.instant());
        if (!removed.isEmpty()) {
            log.info("deleted the temp files of {} stopped processes: {}", removed.size(), removed);
        }
    }

    LocalRoot root() {
        return root;
    }

    @Override
    public Optional<Path> localFile(StorageKey key) {
        return Optional.ofNullable(root.existing(key));
    }

    @Override
    public StoredObject put(StorageKey key, InputStream in, long length, String contentType) {
        Path target = root.pathOf(key);
        Path tmp = null;
        try {
            Path dir = Files.createDirectories(target.getParent());
            root.checkInside(dir);
            tmp = Files.createTempFile(scratch.path(), ".put-", ".tmp"); // 0600
            var sha = Hashing.sha256(in);
            long size;
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                size = sha.transferTo(Channels.newOutputStream(channel));
                channel.force(true); // durable before it becomes visible
            }
            Hashing.checkLength(key, length, size);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new StoredObject(key, size, ContentTypes.of(key), Files.getLastModifiedTime(target).toInstant(),
                    Hashing.hex(sha));
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            throw e instanceof StorageException se ? se : new StorageException("cannot store " + key, e);
        }
    }

    @Override
    public InputStream open(StorageKey key) {
        return read(key, 0, -1);
    }

    @Override
    public InputStream openRange(StorageKey key, long start, long endInclusive) {
        Storage.checkRange(start, endInclusive);
        return read(key, start, endInclusive);
    }

    /** {@code endInclusive} -1: the whole file, which may be empty. */
    private InputStream read(StorageKey key, long start, long endInclusive) {
        Path path = existingFile(key);
        try {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
            if (endInclusive < 0) {
                return Channels.newInputStream(channel);
            }
            long size = channel.size();
            if (start >= size) {
                channel.close();
                throw new StorageException("range starts at " + start + ", past the end of " + key + " (" + size
                        + " bytes)");
            }
            long length = Math.min(endInclusive, size - 1) - start + 1;
            return new LimitedInputStream(Channels.newInputStream(channel.position(start)), length);
        } catch (NoSuchFileException e) {
            throw new ObjectNotFoundException(key);
        } catch (IOException e) {
            throw new StorageException("cannot read " + key, e);
        }
    }

    @Override
    public Optional<StoredObject> stat(StorageKey key) {
        Path path = root.existing(key);
        if (path == null) {
            return Optional.empty();
        }
        try {
            var attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(new StoredObject(key, attributes.size(), ContentTypes.of(key),
                    attributes.lastModifiedTime().toInstant(), null));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StorageException("cannot stat " + key, e);
        }
    }

    @Override
    public void delete(StorageKey key) {
        try {
            Path path = root.existing(key);
            if (path != null) {
                // empty directories stay: removing them could race with a put creating a file in them
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new StorageException("cannot delete " + key, e);
        }
    }

    @Override
    public Stream<StoredObject> list(String prefix) {
        return LocalListing.list(this, StorageKey.checkPrefix(prefix));
    }

    @Override
    public URI signedUrl(StorageKey key, Duration ttl) {
        Storage.checkTtl(ttl);
        return signer.sign(key, clock.instant().plus(ttl));
    }

    /** For the /files endpoint: is this a link we made, still valid? */
    public boolean verifySignature(String key, long expires, String sig, Clock clock) {
        return signer.verify(key, expires, sig, clock);
    }

    @Override
    public Map<String, Object> check() {
        try {
            Files.delete(Files.createTempFile(scratch.path(), ".health-", ".tmp")); // swept if killed meanwhile
            return Map.of("type", "local", "path", root.path().toString(),
                    "free_bytes", Files.getFileStore(root.path()).getUsableSpace());
        } catch (IOException e) {
            throw new StorageException("cannot write to " + root.path(), e);
        }
    }

    /** Deletes this process's temp directory (a clean stop; a killed one is swept by the next start). */
    @Override
    public void close() {
        scratch.close();
    }

    private Path existingFile(StorageKey key) {
        Path path = root.existing(key);
        if (path == null || !Files.isRegularFile(path)) {
            throw new ObjectNotFoundException(key);
        }
        return path;
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the put already failed; a leftover hidden temp file is never listed or served
            }
        }
    }
}
