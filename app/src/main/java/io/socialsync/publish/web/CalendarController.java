package io.socialsync.publish.web;

import io.socialsync.domain.Invalid;
import io.socialsync.platforms.Platform;
import io.socialsync.publish.PublicationState;
import io.socialsync.publish.scheduling.CalendarQuery;
import io.socialsync.publish.scheduling.PublicationCalendar;
import io.socialsync.web.Caller;
import io.socialsync.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /publishing/calendar}: the workspace's publications in a time range, oldest first, keyset-paged. The
 * range is bounded ({@link #MAX_RANGE}) so a calendar view never asks for a workspace's whole history at once.
 */
@RestController
class CalendarController {
    static final Duration MAX_RANGE = Duration.ofDays(92);
    private final PublicationCalendar calendar;

    CalendarController(PublicationCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/publishing/calendar")
    @Operation(summary = "Publications with from <= scheduled_for < to (at most 92 days), oldest first; filter by "
            + "social_account_id, platform, state (comma-separated); pass next_cursor as after for the next page")
    Page<CalendarItem> calendar(Caller caller, @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to,
                                @RequestParam(name = "social_account_id", required = false) Long account,
                                @RequestParam(required = false) String platform,
                                @RequestParam(required = false) String state,
                                @RequestParam(required = false) String timezone,
                                @RequestParam(required = false) String after,
                                @RequestParam(required = false) Integer limit) {
        int size = Page.limit(limit, 50, 500);
        var errors = new Invalid.Collector();
        ZoneId zone = zone(timezone, errors);
        Instant start = time("from", from, zone, false, errors);
        Instant end = time("to", to, zone, true, errors);
        if (start != null && end != null) {
            if (!start.isBefore(end)) {
                errors.add("to", "must be after from (" + start + ")");
            } else if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
                errors.add("to", "at most " + MAX_RANGE.toDays() + " days after from (" + start + "): ask for "
                        + "several ranges");
            }
        }
        Platform p = platform == null || platform.isBlank() ? null : Platform.parse(platform).orElse(null);
        if (platform != null && !platform.isBlank() && p == null) {
            errors.add("platform", "must be one of " + Platform.choices());
        }
        Set<PublicationState> states = states(state, errors);
        CalendarQuery.Cursor cursor = null;
        if (after != null) {
            try {
                cursor = CalendarQuery.Cursor.parse(after);
            } catch (IllegalArgumentException e) {
                errors.add("after", e.getMessage());
            }
        }
        errors.throwIfAny();
        var entries = calendar.page(new CalendarQuery(caller.workspaceId(), start, end, account, p, states, cursor,
                size));
        String next = entries.size() == size ? CalendarQuery.Cursor.of(entries.getLast()).encode() : null;
        return new Page<>(entries.stream().map(CalendarItem::of).toList(), next);
    }

    /** An instant with an offset, or a date: its start in {@code zone}; as {@code to}, the end of that day. */
    static Instant time(String field, String text, ZoneId zone, boolean end, Invalid.Collector errors) {
        if (text == null || text.isBlank()) {
            errors.add(field, "is required: an ISO-8601 instant (2030-01-07T18:00:00Z) or a date (2030-01-07)");
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(text.strip());
                return (end ? day.plusDays(1) : day).atStartOfDay(zone == null ? ZoneId.of("UTC") : zone).toInstant();
            } catch (DateTimeException e) {
                errors.add(field, "must be an ISO-8601 instant with an offset (2030-01-07T18:00:00Z) or a date "
                        + "(2030-01-07), got '" + text + "'");
                return null;
            }
        }
    }

    private static ZoneId zone(String timezone, Invalid.Collector errors) {
        if (timezone == null || timezone.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(timezone.strip());
        } catch (DateTimeException e) {
            errors.add("timezone", "must be an IANA time zone such as Europe/Madrid");
            return null;
        }
    }

    private static Set<PublicationState> states(String text, Invalid.Collector errors) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        var states = EnumSet.noneOf(PublicationState.class);
        for (String s : text.split(",")) {
            try {
                states.add(PublicationState.valueOf(s.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add("state", "must be one or more (comma-separated) of " + String.join(", ",
                        Arrays.stream(PublicationState.values()).map(PublicationState::wire).toList()) + ", got '"
                        + s.strip() + "'");
            }
        }
        return states;
    }
}
