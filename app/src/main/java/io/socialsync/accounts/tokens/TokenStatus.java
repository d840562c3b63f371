package io.socialsync.accounts.tokens;

import java.util.Locale;
import org.springframework.modulith.NamedInterface;

/**
 * What the API says about an account's access token, never the token: {@code valid} (or no known expiry, like a
 * Meta page token), {@code expiring} (within the refresh lead, so being renewed), {@code expired},
 * {@code needs_reauth} (a platform refused it), {@code none} (no token: an orchestrator posts for it).
 */
@NamedInterface("tokens")
public enum TokenStatus {
    VALID, EXPIRING, EXPIRED, NEEDS_REAUTH, NONE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
