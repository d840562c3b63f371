package io.socialsync.publish;

import io.socialsync.accounts.SocialAccount;
import io.socialsync.rules.PlatformRule;
import java.time.Instant;
import java.util.Optional;

/**
 * Where {@code "scheduled_for": "auto"} starts looking, when something has learned better than "as soon as
 * possible" (the learning feature implements it; publish knows nothing of how). The planner still moves the
 * answer forward for windows and gaps.
 */
public interface AutoSlot {
    /** @param reason one sentence for the caller, e.g. "learned hour 20:00 (Thompson draw over 42 posts)" */
    record Pick(Instant from, String reason) {
    }

    Optional<Pick> pick(long ws, SocialAccount account, PlatformRule rule, Instant earliest);
}
