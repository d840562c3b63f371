package io.socialsync.platforms;

import java.time.Instant;
import java.util.Map;

/**
 * An account a person's consent reaches (an Instagram professional account, a Page, a TikTok creator, a YouTube
 * channel) with the tokens to act on it, in plain text until the accounts feature seals them.
 *
 * @param externalId the platform's id of the account ({@link OAuthConnector#identityKey}), how a reconnect knows
 *                   it is the same account
 * @param name       how the platform shows it (Page name, channel title)
 * @param expiresAt  null: the token does not expire (a Meta Page token)
 */
public record ConnectCandidate(String externalId, String handle, String name, Map<String, String> externalIds,
                               String accessToken, Instant expiresAt, String refreshToken,
                               Instant refreshExpiresAt) {

    /** Never prints the tokens. */
    @Override
    public String toString() {
        return "ConnectCandidate[" + externalId + " @" + handle + "]";
    }
}
