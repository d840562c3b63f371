package io.socialsync.learning;

import java.time.Instant;

/** A learned proposal or rule for one account and dimension, with the evidence it was proposed on. */
public record LearnedRule(long id, long workspaceId, long socialAccountId, String platform, Dimension dimension,
                          String option, State state, int posts, Evidence evidence, Instant proposedAt,
                          Instant decidedAt, String decidedBy) {

    public enum State {
        PROPOSED, ACTIVE, REJECTED, SUPERSEDED
    }
}
