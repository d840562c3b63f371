package io.socialsync.publish.scheduling;

import io.socialsync.platforms.Platform;
import io.socialsync.publish.PublicationState;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.springframework.modulith.NamedInterface;

/**
 * One page of {@code GET /publishing/calendar}: publications with {@code from <= scheduled_for < to}, oldest first,
 * after the cursor. Null filters match everything.
 */
@NamedInterface("scheduling")
public record CalendarQuery(long workspaceId, Instant from, Instant to, Long socialAccountId, Platform platform,
                            Set<PublicationState> states, Cursor after, int limit) {

    public CalendarQuery {
        states = states == null ? Set.of() : Set.copyOf(states);
    }

    /** The last entry of a page: (scheduled_for, id), the calendar's order, so pages never skip or repeat a tie. */
    @NamedInterface("scheduling")
    public record Cursor(Instant at, long id) {
        private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

        public static Cursor of(CalendarEntry e) {
            return new Cursor(e.scheduledFor(), e.id());
        }

        /** Opaque to callers: they pass back what they were given. */
        public String encode() {
            return ENCODER.encodeToString((at + "_" + id).getBytes(StandardCharsets.UTF_8));
        }

        /** @throws IllegalArgumentException when the text is not a cursor this endpoint made */
        public static Cursor parse(String text) {
            try {
                String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                int cut = plain.lastIndexOf('_');
                return new Cursor(Instant.parse(plain.substring(0, cut)), Long.parseLong(plain.substring(cut + 1)));
            } catch (IllegalArgumentException | DateTimeException | IndexOutOfBoundsException e) {
                throw new IllegalArgumentException("is not a cursor from this endpoint: pass next_cursor back as is");
            }
        }
    }
}
