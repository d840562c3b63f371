package io.socialsync.secrets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
            return derive(SecretKeySource.decode(secretKey.trim(), "SOCIALSYNC_SECRET_KEY"));
        }
        if (embeddedDatabase) {
            return SecretKeySource.fromFile(dataDir.resolve(FILE));
        }
        throw new IllegalStateException("SOCIALSYNC_SECRET_KEY is not set: with PostgreSQL the access tokens' "
                + "signing key is derived from it, and every node needs the same one (openssl rand -base64 32)");
    }

    /** HKDF-Expand (RFC 5869), one block; the secret key is uniformly random, so no extract step. */
    static byte[] derive(byte[] prk) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            mac.update(LABEL);
            return mac.doFinal(new byte[] {1});
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
