package io.socialsync.publish.scheduling;

import io.socialsync.platforms.Platform;
import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/**
 * A schedule request after syntax checks. {@code publisher}: internal, external or null (decided when due, see
 * PublisherChoice). Clip and account stay as given (the seed's ids are strings): one that
 * does not name a row of this workspace is a rejection with a reason, not a malformed request.
 */
@NamedInterface("scheduling")
public record ScheduleRequest(String clipId, Long variantId, Platform platform, String socialAccountId, When when,
                              Instant windowEnd, String scheduledBy, String caption, String idempotencyKey,
                              String publisher) {

    public ScheduleRequest(String clipId, Long variantId, Platform platform, String socialAccountId, When when,
                           Instant windowEnd, String scheduledBy, String caption, String idempotencyKey) {
        this(clipId, variantId, platform, socialAccountId, when, windowEnd, scheduledBy, caption, idempotencyKey, null);
    }
}
