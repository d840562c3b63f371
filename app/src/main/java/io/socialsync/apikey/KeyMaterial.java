package io.socialsync.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Keys carry 256 random bits, so a fast SHA-256 is a safe storage hash (no password stretching needed),
 * and lookup by hash keeps comparison out of application code.
 */
final class KeyMaterial {
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyMaterial() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "ss_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String plainKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(plainKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What listings show: 64 random bits, unrelated to the key (no character of a key is ever stored). */
    static String publicId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "key_" + HexFormat.of().formatHex(bytes);
    }
}
