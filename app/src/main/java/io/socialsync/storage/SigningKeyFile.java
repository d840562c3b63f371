package io.socialsync.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The key that signs local file URLs: SOCIALSYNC_URL_SIGNING_KEY if set, else one generated on first start into
 * {@code <data-dir>/secrets/url-signing.key} (owner-only), so that `serve` and `worker` processes sharing the
 * data directory sign and verify alike, and links survive restarts.
 */
final class SigningKeyFile {
    static final String FILE = "url-signing.key";
    static final int MIN_LENGTH = 32;

    private SigningKeyFile() {
    }

    static byte[] load(String configured, Path secretsDir) {
        if (configured != null && !configured.isBlank()) {
            if (configured.trim().length() < MIN_LENGTH) {
                throw new IllegalStateException("the URL signing key needs at least " + MIN_LENGTH + " characters");
            }
            return configured.trim().getBytes(StandardCharsets.UTF_8);
        }
        Path file = secretsDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                create(secretsDir, file);
            }
            return Files.readString(file).trim().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the URL signing key " + file, e);
        }
    }

    /** Written whole to a temp file, then hard-linked into place: two processes starting together agree. */
    private static void create(Path dir, Path file) throws IOException {
        Files.createDirectories(dir, ownerOnly(dir, "rwx------"));
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        Path tmp = Files.createTempFile(dir, ".key-", ".tmp", ownerOnly(dir, "rw-------"));
        try {
            Files.writeString(tmp, HexFormat.of().formatHex(random) + "\n");
            Files.createLink(file, tmp);
        } catch (FileAlreadyExistsException lostTheRace) {
            // the other process's key wins; ours is discarded
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path dir, String permissions) {
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString(permissions))} : new FileAttribute<?>[0];
    }
}
