package io.socialsync.storage;

import io.socialsync.config.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The directory {@link LocalStorage} keeps its files in, and the one place keys become paths. Keys are already
 * validated; this checks again that each path stays under the root, symlinks resolved: defence in depth should
 * the key rules ever be loosened, or someone with shell access link a directory elsewhere.
 */
record LocalRoot(Path path, Path realPath) {

    static LocalRoot create(Path dir) {
        try {
            Path path = PrivateFiles.directory(dir.toAbsolutePath().normalize());
            return new LocalRoot(path, path.toRealPath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the storage directory " + dir, e);
        }
    }

    /** Where the key's file is or would be; not yet checked for symlinks. */
    Path pathOf(StorageKey key) {
        Path resolved = path.resolve(key.value()).normalize();
        if (!resolved.startsWith(path) || resolved.equals(path)) {
            throw new StorageException("key " + key + " resolves outside the storage root");
        }
        return resolved;
    }

    /** Null when nothing is there; otherwise the path, checked to lead nowhere outside the root. */
    Path existing(StorageKey key) {
        Path resolved = pathOf(key);
        if (!Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        checkInside(resolved);
        return resolved;
    }

    void checkInside(Path p) {
        try {
            if (!p.toRealPath().startsWith(realPath)) {
                throw new StorageException(path.relativize(p) + " leads outside the storage root");
            }
        } catch (NoSuchFileException e) {
            throw new StorageException(path.relativize(p) + " is a dangling link", e);
        } catch (IOException e) {
            throw new StorageException("cannot resolve " + p, e);
        }
    }
}
