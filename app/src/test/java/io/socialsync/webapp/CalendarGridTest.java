package io.socialsync.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.platforms.Platform;
import io.socialsync.publish.PublicationState;
import io.socialsync.publish.scheduling.CalendarEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Posts placed by their own account's wall clock, through the DST changes, each time with its zone's name. */
class CalendarGridTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static CalendarPost post(long id, ZoneId zone, String at, PublicationState state) {
        return CalendarPost.of(new CalendarEntry(id, 1, null, zone == MADRID ? 1 : 2, "h" + id, zone,
                Platform.INSTAGRAM, state, Instant.parse(at), null, "socialsync", "javascript:alert(1)"));
    }

    private static CalendarGrid.Cell cell(CalendarGrid grid, String day, int hour) {
        return grid.rows().get(hour).cells().stream().filter(c -> c.day().equals(LocalDate.parse(day))).findFirst()
                .orElseThrow();
    }

    @Test
    void theHourAutumnRepeatsHoldsBothPostsEachWithItsOffsetsName() {
        var first = post(1, MADRID, "2030-10-27T00:30:00Z", PublicationState.POSTED);
        var second = post(2, MADRID, "2030-10-27T01:30:00Z", PublicationState.SCHEDULED);
        var grid = CalendarGrid.of(CalendarView.WEEK, LocalDate.parse("2030-10-27"), List.of(first, second),
                Set.of(18, 19));
        assertThat(grid.first()).isEqualTo(LocalDate.parse("2030-10-21"));
        assertThat(cell(grid, "2030-10-27", 2).posts()).extracting(CalendarPost::time)
                .containsExactly("02:30 CEST", "02:30 CET");
        assertThat(cell(grid, "2030-10-27", 18).open()).isTrue();
        assertThat(cell(grid, "2030-10-27", 2).open()).isFalse();
        assertThat(first.describe()).isEqualTo("h1 on instagram, posted, Sunday 27 October 2030, 02:30 CEST "
                + "(Europe/Madrid)");
        assertThat(first.url()).as("only web links are shown").isNull();
        assertThat(first.movable()).isFalse();
        assertThat(second.movable()).isTrue();
    }

    @Test
    void springsMissingHourHasNoPostAndEachAccountKeepsItsOwnClock() {
        var madrid = post(1, MADRID, "2030-03-31T01:30:00Z", PublicationState.SCHEDULED); // 03:30 CEST, no 02:xx
        var newYork = post(2, NEW_YORK, "2030-04-01T07:30:00Z", PublicationState.UNCONFIRMED); // 03:30 EDT
        var grid = CalendarGrid.of(CalendarView.MONTH, LocalDate.parse("2030-03-10"), List.of(madrid, newYork),
                Set.of());
        assertThat(grid.title()).isEqualTo("March 2030");
        assertThat(grid.rows()).hasSize(6);
        var cells = grid.rows().stream().flatMap(r -> r.cells().stream()).toList();
        assertThat(cells.getFirst().day()).isEqualTo(LocalDate.parse("2030-02-25"));
        assertThat(cells.getFirst().outside()).isTrue();
        var sunday = cells.stream().filter(c -> c.day().equals(LocalDate.parse("2030-03-31"))).findFirst().orElseThrow();
        assertThat(sunday.posts()).extracting(CalendarPost::time).containsExactly("03:30 CEST");
        var monday = cells.stream().filter(c -> c.day().equals(LocalDate.parse("2030-04-01"))).findFirst().orElseThrow();
        assertThat(monday.outside()).isTrue();
        assertThat(monday.posts()).extracting(CalendarPost::time, CalendarPost::status, CalendarPost::mark)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("03:30 EDT", "unconfirmed", "?"));
        var week = CalendarGrid.of(CalendarView.WEEK, LocalDate.parse("2030-04-01"), List.of(madrid, newYork), Set.of());
        assertThat(cell(week, "2030-04-01", 3).posts()).extracting(CalendarPost::id).containsExactly(2L);
        assertThat(week.previous()).isEqualTo(LocalDate.parse("2030-03-25"));
    }
}
