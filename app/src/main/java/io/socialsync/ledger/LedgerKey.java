package io.socialsync.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under the ledger key (io.socialsync.secrets.LedgerKeySource). A row's MAC covers its hash, which
 * covers the row and, through prev_hash, every row before it. Checkpoint messages start with "checkpoint:", which
 * no 64-hex-digit row hash does, so one MAC can never pass for the other.
 */
public final class LedgerKey {
    private final SecretKeySpec key;

    public LedgerKey(byte[] bytes) {
        if (bytes == null || bytes.length != 32) {
            throw new IllegalArgumentException("the ledger key must be 32 bytes");
        }
        this.key = new SecretKeySpec(bytes.clone(), "HmacSHA256");
    }

    /** Hex HMAC of a message; one Mac per call (a Mac is not thread-safe, and getInstance is cheap). */
    public String mac(String message) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** Constant-time: how long a comparison takes says nothing about how much of a forged MAC was right. */
    public boolean verifies(String message, String mac) {
        return mac != null && MessageDigest.isEqual(mac(message).getBytes(StandardCharsets.US_ASCII),
                mac.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "LedgerKey[****]";
    }
}
