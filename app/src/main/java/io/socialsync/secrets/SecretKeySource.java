package io.socialsync.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where the secret key comes from: {@code SOCIALSYNC_SECRET_KEY} (base64 of 32 bytes) when set; otherwise, on the
 * embedded default only, a key generated once into {@code <dataDir>/secrets/secret.key}. Nodes sharing PostgreSQL
 * must share one key, and a file on one node's disk cannot give them that, so there the variable is required.
 */
public final class SecretKeySource {
    public static final String FILE = "secrets/secret.key";
    private static final int BYTES = 32;

    private SecretKeySource() {
    }

    public static byte[] resolve(String configured, Path dataDir, boolean embeddedDatabase) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured.trim(), "SOCIALSYNC_SECRET_KEY");
        }
        if (!embeddedDatabase) {
            throw new IllegalStateException("SOCIALSYNC_SECRET_KEY is not set: with a shared database every node "
                    + "needs the same key (generate one with: openssl rand -base64 32)");
        }
        return fromFile(dataDir.resolve(FILE));
    }

    /**
     * Two processes starting together must end up with the same key: each writes a private temp file and
     * hard-links it into place; the link fails if the key exists, and the loser reads the winner's key.
     */
    public static byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
            }
            Path dir = Files.createDirectories(file.getParent());
            ownerOnly(dir, "rwx------");
            byte[] key = new byte[BYTES];
            new SecureRandom().nextBytes(key);
            Path tmp = Files.createTempFile(dir, "secret", ".tmp");
            try {
                ownerOnly(tmp, "rw-------");
                // on disk before it is linked: a power cut must not leave an empty key file behind
                try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                    channel.write(java.nio.ByteBuffer.wrap((Base64.getEncoder().encodeToString(key) + "\n")
                            .getBytes(StandardCharsets.US_ASCII)));
                    channel.force(true);
                }
                Files.createLink(file, tmp);
                return key;
            } catch (FileAlreadyExistsException raced) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret key " + file, e);
        }
    }

    public static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64");
        }
        if (key.length != BYTES) {
            throw new IllegalStateException(source + " must decode to 32 bytes, not " + key.length);
        }
        return key;
    }

    /**
     * A key for one purpose from the secret key: HKDF-Expand (RFC 5869) for one 32-byte block, HMAC-SHA256(prk,
     * label | 0x01). The secret key is 32 uniformly random bytes, a valid pseudorandom key, so no extract step.
     */
    static byte[] derive(byte[] prk, byte[] label) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(prk, "HmacSHA256"));
            mac.update(label);
            return mac.doFinal(new byte[] {1});
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static void ownerOnly(Path path, String perms) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException notPosix) {
            // Windows and friends: the data directory's own ACL is all we have
        }
    }
}
