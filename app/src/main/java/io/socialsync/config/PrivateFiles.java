package io.socialsync.config;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files private to the service's user: directories 0700, files 0600. Set explicitly rather than trusting the
 * umask (bin/socialsync sets 077 as well, for what FFmpeg and H2 create). No-ops where the file system has no
 * POSIX permissions.
 */
public final class PrivateFiles {
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Creates what is missing and makes {@code dir} itself 0700, even if it existed with wider permissions. */
    public static Path directory(Path dir) throws IOException {
        if (posix(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            Files.setPosixFilePermissions(dir, DIRECTORY);
        } else {
            Files.createDirectories(dir);
        }
        return dir;
    }

    /** Makes an existing file 0600. */
    public static Path file(Path file) throws IOException {
        if (posix(file)) {
            Files.setPosixFilePermissions(file, FILE);
        }
        return file;
    }

    /** Like {@link Files#newOutputStream(Path, java.nio.file.OpenOption...)}, but a file it creates is 0600. */
    public static OutputStream newOutputStream(Path file) throws IOException {
        return Channels.newOutputStream(Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), fileAttributes(file.getParent())));
    }

    /** For {@code Files.createFile} and the like: 0600 from the first moment. */
    public static FileAttribute<?>[] fileAttributes(Path where) {
        return posix(where) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
    }

    /** For {@code Files.createDirectory}: 0700 from the first moment. */
    public static FileAttribute<?>[] directoryAttributes(Path where) {
        return posix(where) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIRECTORY)}
                : new FileAttribute<?>[0];
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
