package io.socialsync.platforms;

import java.util.Optional;

/**
 * Buying ads that boost an existing post (Meta's Marketing API today). Like publishers, an implementation never
 * throws for platform or network trouble: every call ends as an {@link AdsCall}, and {@link AdsCall.Unknown} means
 * the request went out and its effect is not known, so the caller reads back by name instead of creating again.
 */
public interface AdsApi {

    /** An ad account (its id without Meta's {@code act_} prefix) and the token that may buy in it. */
    record Auth(String accountId, String token) {
        @Override
        public String toString() {
            return "Auth[" + accountId + "]";
        }
    }

    /** The account's name, ISO 4217 currency and Meta's account_status (1 = active). */
    record AccountInfo(String name, String currency, int status) {
    }

    AdsCall<AccountInfo> account(Auth auth);

    /** Creates the object, always {@code PAUSED} where it has a status; the answer is its id. */
    AdsCall<String> create(Auth auth, AdSpec spec);

    /** The id of the account's object of this kind with exactly this name, if Meta has one. */
    AdsCall<Optional<String>> findByName(Auth auth, AdSpec.Kind kind, String name);

    /** Sets an object's status (ACTIVE, PAUSED): the same call twice changes nothing. */
    AdsCall<Boolean> setStatus(Auth auth, String objectId, String status);

    /** A campaign's effective_status and its lifetime insights. */
    AdsCall<AdInsights> insights(Auth auth, String campaignId);
}
