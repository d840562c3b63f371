package io.socialsync.platforms;

import java.util.List;

/**
 * What asking a platform for a post's metrics came to. Fetchers never throw for platform or network trouble:
 * every answer is one of these.
 */
public sealed interface MetricsFetch {

    record Collected(List<MetricValue> values) implements MetricsFetch {
    }

    /** Nothing to store this time (too few viewers, no post id to ask about); later checkpoints ask again. */
    record Unavailable(String detail) implements MetricsFetch {
    }

    /** The platform says the post does not exist any more. */
    record Gone(String detail) implements MetricsFetch {
    }

    /** The platform refused or could not answer; {@code kind} says whether asking again can help. */
    record Failed(String reason, Kind kind) implements MetricsFetch {
    }

    enum Kind {
        /** The account's token was refused: the account needs a person to reconnect it. */
        REAUTH,
        /** Rate limits, 5xx, no answer: another attempt later can succeed. */
        RETRY,
        /** Anything else: another attempt would get the same answer. */
        PERMANENT
    }
}
