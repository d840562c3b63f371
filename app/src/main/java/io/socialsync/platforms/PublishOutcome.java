package io.socialsync.platforms;

import java.time.Duration;

/** What one run of a {@link Publisher} learned: posted, failed (and whether trying again can help), or unknown. */
public sealed interface PublishOutcome {

    /** The post is live; {@code url} may be null when the platform would not tell it. */
    record Posted(String externalId, String url) implements PublishOutcome {
    }

    /**
     * The post did not happen. {@code reason} is a sentence a person can act on. {@code retryAfter} set: the
     * platform asked us to come back later (429, quota), so the publication is rescheduled, not failed.
     * {@code reauth}: the token was refused and the account needs connecting again.
     */
    record Failed(String reason, boolean retryable, Duration retryAfter, boolean reauth) implements PublishOutcome {
        public static Failed permanent(String reason) {
            return new Failed(reason, false, null, false);
        }

        public static Failed retryable(String reason) {
            return new Failed(reason, true, null, false);
        }

        public static Failed later(String reason, Duration after) {
            return new Failed(reason, true, after, false);
        }

        public static Failed reauth(String reason) {
            return new Failed(reason, false, null, true);
        }
    }

    /**
     * The post exists on the platform, which has not finished processing it. A later attempt asks again; the last
     * attempt takes it as posted, since failing a post that exists would invite a second one.
     */
    record Processing(String externalId, String url, String detail) implements PublishOutcome {
    }

    /**
     * A call that may have published was sent and no answer came back (timeout, reset). It is never sent again:
     * recovery asks the platform about {@code handle} until it knows, then gives up as UNCONFIRMED.
     */
    record Unknown(String handle, String detail) implements PublishOutcome {
    }
}
