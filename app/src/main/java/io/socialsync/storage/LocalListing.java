package io.socialsync.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@link LocalStorage#list}: walks only the directory the prefix names, keeps regular files whose keys are valid
 * (that skips hidden temp files) and sorts by key, as S3 does. The sort holds the matching key strings, not the
 * objects; symlinks are neither followed nor listed.
 */
final class LocalListing {
    private LocalListing() {
    }

    static Stream<StoredObject> list(LocalStorage storage, String prefix) {
        LocalRoot root = storage.root();
        int slash = prefix.lastIndexOf('/');
        Path start = slash < 0 ? root.path() : root.pathOf(StorageKey.of(prefix.substring(0, slash)));
        if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            return Stream.empty();
        }
        try {
            Stream<Path> walk = Files.walk(start);
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> root.path().relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"))
                    .filter(k -> k.startsWith(prefix))
                    .flatMap(LocalListing::key)
                    .sorted(Comparator.comparing(StorageKey::value))
                    .map(storage::stat)
                    .flatMap(Optional::stream); // deleted since the walk saw it
        } catch (IOException e) {
            throw new StorageException("cannot list " + prefix, e);
        }
    }

    private static Stream<StorageKey> key(String value) {
        try {
            return Stream.of(StorageKey.of(value));
        } catch (IllegalArgumentException notOurs) {
            return Stream.empty();
        }
    }
}
