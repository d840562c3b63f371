package io.socialsync.publish;

import io.socialsync.accounts.Platform;
import java.time.Instant;

/**
 * A schedule request after syntax checks. Clip and account stay as given (the seed's ids are strings): one that
 * does not name a row of this workspace is a rejection with a reason, not a malformed request.
 */
public record ScheduleRequest(String clipId, Long variantId, Platform platform, String socialAccountId, When when,
                              Instant windowEnd, String scheduledBy, String caption, String idempotencyKey) {
}
