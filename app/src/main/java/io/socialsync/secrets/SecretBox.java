package io.socialsync.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest (platform tokens) with AES-256-GCM and a random 96-bit nonce per value. Sealed text is
 * {@code v1:} + base64(nonce | ciphertext+tag): the prefix names the format and key generation, so a later key
 * rotation can add {@code v2:} and still open old rows. GCM authenticates, so a changed byte or another key fails
 * loudly instead of yielding garbage.
 */
public final class SecretBox {
    static final String V1 = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Supplier<SecretKey> key;

    /** The key is fetched on first use: a process that never touches a secret never needs one. */
    public SecretBox(Supplier<byte[]> keyBytes) {
        this.key = memoize(() -> toKey(keyBytes.get()));
    }

    public static SecretBox of(byte[] keyBytes) {
        toKey(keyBytes);
        return new SecretBox(() -> keyBytes);
    }

    public String seal(String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, plaintext.getBytes(StandardCharsets.UTF_8));
        return V1 + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                .put(nonce).put(sealed).array());
    }

    public String open(String sealed) {
        if (sealed == null || !sealed.startsWith(V1)) {
            throw new Unreadable("not a v1 sealed secret");
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(sealed.substring(V1.length()));
        } catch (IllegalArgumentException e) {
            throw new Unreadable("sealed secret is not base64");
        }
        if (all.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new Unreadable("sealed secret is too short");
        }
        byte[] nonce = Arrays.copyOf(all, NONCE_BYTES);
        byte[] body = Arrays.copyOfRange(all, NONCE_BYTES, all.length);
        return new String(crypt(Cipher.DECRYPT_MODE, nonce, body), StandardCharsets.UTF_8);
    }

    private byte[] crypt(int mode, byte[] nonce, byte[] input) {
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key.get(), new GCMParameterSpec(TAG_BITS, nonce));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new Unreadable("sealed secret failed authentication (changed, or sealed with another key)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable: " + e.getMessage(), e);
        }
    }

    private static SecretKey toKey(byte[] bytes) {
        if (bytes == null || bytes.length != 32) {
            throw new IllegalArgumentException("the secret key must be 32 bytes (AES-256)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    /** A sealed value that cannot be opened: tampered with, truncated, or sealed under another key. */
    public static final class Unreadable extends RuntimeException {
        public Unreadable(String message) {
            super(message);
        }
    }
}
