package io.socialsync.publish;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** SCHEDULED → PENDING (queued) → PUBLISHING → POSTED, or FAILED, UNCONFIRMED (outcome unknown), CANCELLED. */
public enum PublicationState {
    SCHEDULED, PENDING, PUBLISHING, POSTED, FAILED, UNCONFIRMED, CANCELLED;

    /** States that hold a slot: a new post keeps the gap from these, and not from failed or cancelled ones. */
    public static final Set<PublicationState> OCCUPYING = EnumSet.of(SCHEDULED, PENDING, PUBLISHING, POSTED,
            UNCONFIRMED);

    /** The seed's wire form ("scheduled"). */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
