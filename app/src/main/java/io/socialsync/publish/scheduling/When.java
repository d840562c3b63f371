package io.socialsync.publish.scheduling;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.modulith.NamedInterface;

/**
 * The {@code scheduled_for} of a request (or {@link Now} for {@code schedule_type: "immediate"}): {@code "auto"} (the next free slot from now), an instant with an offset
 * ({@code 2025-01-15T20:00:00Z}), or a local date-time without one, read in the account's own time zone.
 */
@NamedInterface("scheduling")
public sealed interface When {
    @NamedInterface("scheduling")
    record Auto() implements When {
    }

    @NamedInterface("scheduling")
    record At(Instant instant) implements When {
    }

    @NamedInterface("scheduling")
    record Local(LocalDateTime dateTime) implements When {
    }

    /** The seed's {@code schedule_type: "immediate"}: post now, outside the windows and gaps. */
    record Now() implements When {
    }

    /** @throws IllegalArgumentException with a message fit for the caller */
    static When parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is required: \"auto\" or an ISO-8601 date-time");
        }
        String s = text.trim();
        if (s.equalsIgnoreCase("auto")) {
            return new Auto();
        }
        try {
            return new At(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeException withoutOffset) {
            try {
                return new Local(LocalDateTime.parse(s));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("must be \"auto\" or an ISO-8601 date-time such as "
                        + "2025-01-15T20:00:00Z (got '" + s + "')");
            }
        }
    }

    /** The instant asked for, or null for auto. A local time in a DST gap moves forward; in an overlap, the earlier. */
    default Instant resolve(ZoneId zone) {
        return switch (this) {
            case Auto a -> null;
            case Now n -> null;
            case At at -> at.instant();
            case Local local -> ZonedDateTime.of(local.dateTime(), zone).toInstant();
        };
    }
}
