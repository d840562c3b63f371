package io.socialsync.library;

/** RECEIVED → PROBED → ANALYSING → READY; REJECTED is bad input (a person can act on the reason), FAILED ours. */
public enum VideoState {
    RECEIVED, PROBED, ANALYSING, READY, REJECTED, FAILED
}
