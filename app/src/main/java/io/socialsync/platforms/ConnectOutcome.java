package io.socialsync.platforms;

import java.util.List;

/** How a code exchange and the look-up of the person's accounts ended. Reasons are sentences for people. */
public sealed interface ConnectOutcome {

    /** At least one account to connect. */
    record Found(List<ConnectCandidate> candidates) implements ConnectOutcome {
    }

    /** The provider or the person's grant says no (a used code, a wrong PKCE verifier, a missing scope, no Page). */
    record Refused(String reason) implements ConnectOutcome {
    }

    /** The provider did not answer or had a temporary problem: the person may start again shortly. */
    record Unavailable(String reason) implements ConnectOutcome {
    }
}
