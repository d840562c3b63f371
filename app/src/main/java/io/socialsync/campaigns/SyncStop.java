package io.socialsync.campaigns;

import io.socialsync.platforms.AdsFailure;

/** Why a sync run stops early; the handler turns each into the job's outcome. */
sealed class SyncStop extends RuntimeException {

    SyncStop(String message) {
        super(message, null, false, false);
    }

    /** Temporary trouble or an unknown outcome: the job's next attempt (backoff) goes on from the journal. */
    static final class Retry extends SyncStop {
        Retry(String message) {
            super(message);
        }
    }

    /** Meta refused a call: what to do depends on the kind and on whether the campaign is still being built. */
    static final class Refused extends SyncStop {
        final AdsFailure failure;

        Refused(AdsFailure failure) {
            super(failure.message());
            this.failure = failure;
        }
    }
}
