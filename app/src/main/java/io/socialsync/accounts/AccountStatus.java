package io.socialsync.accounts;

import java.util.Locale;

/**
 * {@code needs_reauth}: a platform refused the token (expired, revoked); publishing stops until the user connects
 * the account again. Only SocialSync sets it; users switch between active and disabled.
 */
public enum AccountStatus {
    ACTIVE, NEEDS_REAUTH, DISABLED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AccountStatus fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
