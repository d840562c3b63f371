package io.socialsync.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The root of everything SocialSync keeps on local disk (H2 database, files, bundled FFmpeg, secrets). It and its
 * immediate sub-directories are made 0700 on every start, so an install from before that rule is tightened too.
 */
@Component
public class DataDirectory {
    private final Path root;

    public DataDirectory(SocialSyncProperties properties) {
        this.root = properties.dataDir().toAbsolutePath().normalize();
        try {
            PrivateFiles.directory(root);
            PrivateFiles.directory(root.resolve("db")); // before H2 creates it with the umask's permissions
            try (Stream<Path> children = Files.list(root)) {
                for (Path child : children.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                    PrivateFiles.directory(child);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    /** A sub-directory, created 0700 if missing. */
    public Path privateDirectory(String relative) {
        try {
            return PrivateFiles.directory(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + root.resolve(relative), e);
        }
    }
}
