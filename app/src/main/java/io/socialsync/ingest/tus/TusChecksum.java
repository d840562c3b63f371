package io.socialsync.ingest.tus;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/** The checksum extension: {@code Upload-Checksum: <algorithm> <base64 digest>} covering one PATCH body. */
record TusChecksum(String algorithm, byte[] expected) {
    static final String SUPPORTED = "sha1,sha256";
    private static final Map<String, String> JCA = Map.of("sha1", "SHA-1", "sha256", "SHA-256");

    /** null when the header is absent. @throws IllegalArgumentException for a malformed header */
    static TusChecksum parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String[] parts = header.strip().split(" ");
        if (parts.length != 2) {
            throw new IllegalArgumentException("Upload-Checksum must be '<algorithm> <base64 digest>'");
        }
        String algorithm = parts[0].toLowerCase(Locale.ROOT);
        if (!JCA.containsKey(algorithm)) {
            throw new IllegalArgumentException("checksum algorithm '" + algorithm + "' is not supported; use one of "
                    + SUPPORTED);
        }
        try {
            return new TusChecksum(algorithm, Base64.getDecoder().decode(parts[1]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Upload-Checksum digest is not base64");
        }
    }

    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(JCA.get(algorithm));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    boolean matches(MessageDigest digest) {
        return MessageDigest.isEqual(expected, digest.digest());
    }
}
