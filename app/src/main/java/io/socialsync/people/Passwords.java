package io.socialsync.people;

import io.socialsync.domain.Invalid;
import java.text.Normalizer;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password rules per NIST SP 800-63B: at least 8 characters, up to 256 accepted, any characters, no composition
 * rules, Unicode normalised (NFKC) before hashing so the same password typed on two keyboards matches. The optional
 * check against breached-password lists is not done (it needs a list or an outside service). Hashing is Spring
 * Security's encoder (Argon2id by default, see PasswordConfig). An unknown account is checked against a dummy hash,
 * so a login costs the same whether or not the address exists.
 */
@Component
public class Passwords {
    public static final int MIN = 8;
    public static final int MAX = 256;
    private final PasswordEncoder encoder;
    private final String dummy;

    public Passwords(PasswordEncoder encoder) {
        this.encoder = encoder;
        this.dummy = encoder.encode(UUID.randomUUID().toString());
    }

    /** Checks the rules and hashes; the field name is what a 400 names. */
    public String hash(String raw) {
        String normal = normalise(raw);
        int length = normal.codePointCount(0, normal.length());
        if (length < MIN) {
            throw Invalid.field("password", "must be at least " + MIN + " characters");
        }
        if (length > MAX) {
            throw Invalid.field("password", "must be at most " + MAX + " characters");
        }
        return encoder.encode(normal);
    }

    /** Constant work whatever the hash: a missing one is compared with the dummy, and fails. */
    public boolean matches(String raw, String hash) {
        String normal = normalise(raw);
        if (hash == null) {
            encoder.matches(normal, dummy);
            return false;
        }
        return encoder.matches(normal, hash);
    }

    static String normalise(String raw) {
        return raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFKC);
    }
}
