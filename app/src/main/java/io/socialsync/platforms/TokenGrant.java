package io.socialsync.platforms;

import java.time.Duration;

/** How one call to a platform's token endpoint ended. Reasons are sentences for people and hold no token. */
public sealed interface TokenGrant {

    /** New tokens: stored at once, in the transaction that holds the account lock. */
    record Renewed(TokenRenewal renewal) implements TokenGrant {
    }

    /** The platform refused the refresh token or the token itself (invalid_grant, Meta code 190): reconnect. */
    record Refused(String reason) implements TokenGrant {
    }

    /** It may work later: 5xx, throttling, no answer. {@code retryAfter} when the platform named a wait. */
    record Unavailable(String reason, Duration retryAfter) implements TokenGrant {
    }

    /**
     * Our side is wrong (client id or secret refused, a malformed request): reconnecting the account would not
     * help, the operator must fix the configuration. Retried slowly.
     */
    record Misconfigured(String reason) implements TokenGrant {
    }
}
