package io.socialsync.insights;

import java.util.Locale;

/**
 * What a collection found: the metrics; none this time (too few viewers, no post id, no token), which later
 * checkpoints try again; or the post no longer exists on the platform, which ends its collections.
 */
public enum CollectionStatus {
    COLLECTED, UNAVAILABLE, GONE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
