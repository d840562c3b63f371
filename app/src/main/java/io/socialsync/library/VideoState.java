package io.socialsync.library;

/**
 * RECEIVED → PROBED → ANALYSING → READY; REJECTED is bad input (a person can act on the reason), FAILED ours,
 * CANCELLED a person's (its analysis job was cancelled before it ended). FAILED and CANCELLED can be analysed again.
 */
public enum VideoState {
    RECEIVED, PROBED, ANALYSING, READY, REJECTED, FAILED, CANCELLED
}
