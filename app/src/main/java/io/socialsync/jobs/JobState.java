package io.socialsync.jobs;

import java.util.EnumSet;
import java.util.Set;

/** SCHEDULED/AVAILABLE → RUNNING → COMPLETED; RETRYABLE waits out a backoff; FAILED and CANCELLED are final. */
public enum JobState {
    SCHEDULED, AVAILABLE, RUNNING, RETRYABLE, COMPLETED, FAILED, CANCELLED;

    public static final Set<JobState> TERMINAL = EnumSet.of(COMPLETED, FAILED, CANCELLED);
    public static final Set<JobState> WAITING = EnumSet.of(SCHEDULED, AVAILABLE, RETRYABLE);

    public boolean terminal() {
        return TERMINAL.contains(this);
    }
}
