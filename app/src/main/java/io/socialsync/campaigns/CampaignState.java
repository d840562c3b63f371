package io.socialsync.campaigns;

import java.util.Locale;

/** creating → active | paused → stopped; failed when a remote step was refused for good. */
public enum CampaignState {
    CREATING, ACTIVE, PAUSED, STOPPED, FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CampaignState of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** Can be paused, resumed or stopped. */
    public boolean live() {
        return this == CREATING || this == ACTIVE || this == PAUSED;
    }
}
