package io.socialsync.learning;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;

/** A learned proposal or rule for one account and dimension, with the evidence it was proposed on. */
public record LearnedRule(long id, long workspaceId, long socialAccountId, String platform, Dimension dimension,
                          String option, State state, int posts, Evidence evidence, Instant proposedAt,
                          Instant decidedAt, String decidedBy) {

    /** On the wire in lower case, as publication states are. */
    public enum State {
        PROPOSED, ACTIVE, REJECTED, SUPERSEDED;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
