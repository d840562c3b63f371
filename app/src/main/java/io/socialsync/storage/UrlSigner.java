package io.socialsync.storage;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed links to local files: {@code <base>/files/<key>?expires=<epoch s>&sig=<hex HMAC-SHA256(key|expires)>}.
 * Keys cannot contain '|', so the signed string is unambiguous. Whoever holds the link may fetch the file until
 * it expires; nobody can make a link for another key or a later expiry without the signing key.
 */
public final class UrlSigner {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;
    private final String publicBaseUrl;

    public UrlSigner(byte[] key, String publicBaseUrl) {
        this.key = new SecretKeySpec(key, ALGORITHM);
        this.publicBaseUrl = publicBaseUrl.endsWith("/")
                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    public URI sign(StorageKey storageKey, Instant expiresAt) {
        long expires = expiresAt.getEpochSecond();
        // key characters are all URL-safe, so the key goes into the path as it is
        return URI.create(publicBaseUrl + "/files/" + storageKey.value() + "?expires=" + expires + "&sig="
                + signature(storageKey.value(), expires));
    }

    /** True only for an unexpired link whose signature matches; compares in constant time. */
    public boolean verify(String storageKey, long expires, String sig, Clock clock) {
        if (storageKey == null || sig == null || clock.instant().getEpochSecond() > expires) {
            return false;
        }
        return MessageDigest.isEqual(signature(storageKey, expires).getBytes(StandardCharsets.US_ASCII),
                sig.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(String storageKey, long expires) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // Mac is not thread-safe: one per call
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((storageKey + "|" + expires)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
