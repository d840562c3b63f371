package io.socialsync.secrets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The HMAC key that signs access tokens (HS256). Every API node must verify what any other signed, so: derived
 * from {@code SOCIALSYNC_SECRET_KEY} when set (HKDF-Expand with its own label: not the sealing key, not the
 * ledger's); on the embedded default without it, generated once into {@code <dataDir>/secrets/jwt.key}.
 */
public final class JwtKeySource {
    public static final String FILE = "secrets/jwt.key";
    private static final byte[] LABEL = "socialsync jwt hs256 v1".getBytes(StandardCharsets.US_ASCII);

    private JwtKeySource() {
    }

    public static byte[] resolve(String secretKey, Path dataDir, boolean embeddedDatabase) {
        if (secretKey != null && !secretKey.isBlank()) {
            return SecretKeySource.derive(SecretKeySource.decode(secretKey.trim(), "SOCIALSYNC_SECRET_KEY"), LABEL);
        }
        if (embeddedDatabase) {
            return SecretKeySource.fromFile(dataDir.resolve(FILE));
        }
        throw new IllegalStateException("SOCIALSYNC_SECRET_KEY is not set: with PostgreSQL the access tokens' "
                + "signing key is derived from it, and every node needs the same one (openssl rand -base64 32)");
    }
}
