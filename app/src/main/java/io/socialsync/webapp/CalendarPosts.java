package io.socialsync.webapp;

import io.socialsync.accounts.SocialAccount;
import io.socialsync.publish.PublicationState;
import io.socialsync.publish.scheduling.CalendarEntry;
import io.socialsync.publish.scheduling.CalendarQuery;
import io.socialsync.publish.scheduling.PublicationCalendar;
import io.socialsync.rules.PlatformRule;
import io.socialsync.rules.RulesService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/** What the calendar shows: the posts of {@code GET /publishing/calendar}'s query, and the accounts' windows. */
@Component
class CalendarPosts {
    private static final int PAGE = 500;
    /** More than a month of the busiest workspace (2k posts); beyond it the page says it is cut short. */
    static final int MAX = 3000;
    private static final Set<PublicationState> SHOWN = EnumSet.complementOf(EnumSet.of(PublicationState.CANCELLED));
    private final PublicationCalendar calendar;
    private final RulesService rules;

    CalendarPosts(PublicationCalendar calendar, RulesService rules) {
        this.calendar = calendar;
        this.rules = rules;
    }

    /** The windows of these accounts' platforms: the hours they open (shaded in a week) and a line for the legend. */
    record Windows(Set<Integer> hours, List<String> legend) {
    }

    /**
     * The posts whose wall-clock day, in their account's zone, is in [first, end): the calendar's query over a range
     * one day wider on each side (no zone is more than 14 hours from UTC), page after page, cancelled ones left out.
     */
    List<CalendarPost> between(long ws, Long account, LocalDate first, LocalDate end) {
        Instant from = first.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        var found = new ArrayList<CalendarPost>();
        CalendarQuery.Cursor after = null;
        while (found.size() < MAX) {
            List<CalendarEntry> page = calendar.page(new CalendarQuery(ws, from, to, account, null, SHOWN, after,
                    PAGE));
            page.stream().map(CalendarPost::of).filter(p -> !p.day().isBefore(first) && p.day().isBefore(end))
                    .forEach(found::add);
            if (page.size() < PAGE) {
                break;
            }
            after = CalendarQuery.Cursor.of(page.getLast());
        }
        return found;
    }

    Windows windows(long ws, Collection<SocialAccount> accounts) {
        var ruleSet = rules.active(ws);
        var hours = new TreeSet<Integer>();
        var legend = new ArrayList<String>();
        accounts.stream().map(SocialAccount::platform).distinct().sorted().forEach(platform -> {
            PlatformRule r = ruleSet.of(platform);
            IntStream.range(r.windowStartHour(), r.windowEndHour()).forEach(hours::add);
            legend.add(String.format("%s %02d:00–%02d:00, %d min apart", platform.wire(), r.windowStartHour(),
                    r.windowEndHour(), r.minGapMinutes()));
        });
        return new Windows(hours, legend);
    }
}
