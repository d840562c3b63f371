package io.socialsync.storage;

import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 computed on the way through, and the declared-length check both backends apply. */
final class Hashing {
    private Hashing() {
    }

    static DigestInputStream sha256(InputStream in) {
        try {
            return new DigestInputStream(in, MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String hex(DigestInputStream in) {
        return HexFormat.of().formatHex(in.getMessageDigest().digest());
    }

    /** A declared length that does not match means a truncated or wrong upload: it must not be stored. */
    static void checkLength(Object key, long declared, long actual) {
        if (declared >= 0 && declared != actual) {
            throw new StorageException("expected " + declared + " bytes for " + key + " but the stream had "
                    + (actual > declared ? "more" : actual));
        }
    }
}
