package io.socialsync.publish.web;

import io.socialsync.publish.scheduling.CalendarEntry;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One calendar entry: ids as strings like the seed's, the account's handle and zone, and the slot both as the
 * instant and as the account's local time ({@code scheduled_for_local}, with its offset that day).
 */
public record CalendarItem(String id, String clipId, String variantId, String socialAccountId, String handle,
                           String timezone, String platform, String status, Instant scheduledFor,
                           OffsetDateTime scheduledForLocal, Instant scheduledWindowEnd, String publisher, String url) {

    static CalendarItem of(CalendarEntry e) {
        return new CalendarItem(String.valueOf(e.id()), String.valueOf(e.clipId()),
                e.variantId() == null ? null : String.valueOf(e.variantId()), String.valueOf(e.socialAccountId()),
                e.handle(), e.zone() == null ? null : e.zone().getId(), e.platform().wire(), e.state().wire(),
                e.scheduledFor(), e.zone() == null ? null : e.scheduledFor().atZone(e.zone()).toOffsetDateTime(),
                e.windowEnd(), e.publisher(), e.url());
    }
}
