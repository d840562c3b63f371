package io.socialsync.publish.scheduling;

import io.socialsync.platforms.Platform;
import io.socialsync.publish.PublicationState;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.modulith.NamedInterface;

/** A publication as the calendar shows it: when, where (with the account's handle and zone), and what. */
@NamedInterface("scheduling")
public record CalendarEntry(long id, long clipId, Long variantId, long socialAccountId, String handle, ZoneId zone,
                            Platform platform, PublicationState state, Instant scheduledFor, Instant windowEnd,
                            String publisher, String url) {
}
