package io.socialsync.publish.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The seed's worked examples, and the DST cases named one by one. The random sweep is in SlotPlannerPropertyTest. */
class SlotPlannerTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    private static final SlotPlanner.Window INSTAGRAM = new SlotPlanner.Window(18, 23);
    private static final Duration HOUR = Duration.ofMinutes(60);

    @Test
    void theSeedsGapExampleMovesFiveMinutesForward() {
        var calendar = new TreeNeighbours();
        calendar.slots.add(Instant.parse("2025-01-15T19:05:00Z"));
        var plan = plan("2025-01-15T20:00:00Z", UTC, INSTAGRAM, HOUR, calendar);
        assertThat(plan.slot()).isEqualTo("2025-01-15T20:05:00Z");
        assertThat(plan.windowEnd()).isEqualTo("2025-01-15T23:00:00Z");
        assertThat(plan.reason()).startsWith("Adjusted 5min forward to respect 60min gap");
    }

    @Test
    void aTimeInsideTheWindowAndFarFromOthersStaysAsRequested() {
        var plan = plan("2025-01-15T20:00:00Z", UTC, INSTAGRAM, HOUR, new TreeNeighbours());
        assertThat(plan.slot()).isEqualTo("2025-01-15T20:00:00Z");
        assertThat(plan.adjusted()).isFalse();
        assertThat(plan.reason()).isEqualTo("Scheduled at the requested time");
    }

    @Test
    void beforeTheWindowMovesToItsStartTheSameDayAndAfterItToTheNextDay() {
        assertThat(plan("2025-01-15T09:30:00Z", UTC, INSTAGRAM, HOUR, new TreeNeighbours()).slot())
                .isEqualTo("2025-01-15T18:00:00Z");
        var late = plan("2025-01-15T23:00:00Z", UTC, INSTAGRAM, HOUR, new TreeNeighbours());
        assertThat(late.slot()).isEqualTo("2025-01-16T18:00:00Z");
        assertThat(late.reason()).contains("next day's start");
    }

    @Test
    void aGapPushOutOfTheWindowIsCheckedAgainAndLandsNextDay() {
        var calendar = new TreeNeighbours();
        calendar.slots.add(Instant.parse("2025-01-15T22:30:00Z"));
        var plan = plan("2025-01-15T22:15:00Z", UTC, INSTAGRAM, HOUR, calendar);
        assertThat(plan.slot()).isEqualTo("2025-01-16T18:00:00Z");
        assertThat(plan.adjustments()).hasSize(2)
                .first().isInstanceOf(Adjustment.TooClose.class);
        assertThat(plan.adjustments().get(1)).isInstanceOf(Adjustment.AfterWindow.class);
    }

    @Test
    void aPostTooCloseAfterTheRequestPushesPastItToo() {
        var calendar = new TreeNeighbours();
        calendar.slots.add(Instant.parse("2025-01-15T20:30:00Z"));
        calendar.slots.add(Instant.parse("2025-01-15T21:30:00Z"));
        // 20:00 is 30 min before the first post; 21:30 is taken; the first free slot is 22:30
        assertThat(plan("2025-01-15T20:00:00Z", UTC, INSTAGRAM, HOUR, calendar).slot())
                .isEqualTo("2025-01-15T22:30:00Z");
    }

    @Test
    void windowsFollowLocalTimeAcrossADstChange() {
        // Madrid springs forward on 2025-03-30: 18:00 local is 17:00Z the day before and 16:00Z that day
        assertThat(plan("2025-03-29T10:00:00Z", MADRID, INSTAGRAM, HOUR, new TreeNeighbours()).slot())
                .isEqualTo("2025-03-29T17:00:00Z");
        assertThat(plan("2025-03-30T10:00:00Z", MADRID, INSTAGRAM, HOUR, new TreeNeighbours()).slot())
                .isEqualTo("2025-03-30T16:00:00Z");
        // Sydney falls back on 2025-04-06: 17:00 local is 06:00Z before, 07:00Z after
        var youtube = new SlotPlanner.Window(17, 22);
        assertThat(plan("2025-04-05T00:00:00Z", SYDNEY, youtube, HOUR, new TreeNeighbours()).slot())
                .isEqualTo("2025-04-05T06:00:00Z");
        assertThat(plan("2025-04-06T00:00:00Z", SYDNEY, youtube, HOUR, new TreeNeighbours()).slot())
                .isEqualTo("2025-04-06T07:00:00Z");
    }

    @Test
    void aWindowStartingInsideTheSpringForwardGapStartsWhenTheGapEnds() {
        // New York 2025-03-09: 02:00–03:00 does not exist; a 02:00 window start becomes 03:00 EDT (07:00Z)
        var plan = plan("2025-03-09T05:00:00Z", NEW_YORK, new SlotPlanner.Window(2, 5), HOUR, new TreeNeighbours());
        assertThat(plan.slot()).isEqualTo("2025-03-09T07:00:00Z");
        assertThat(plan.slot().atZone(NEW_YORK).toLocalTime().getHour()).isEqualTo(3);
    }

    @Test
    void aWindowThatFallsWhollyInTheGapIsSkippedThatDay() {
        var plan = plan("2025-03-09T05:00:00Z", NEW_YORK, new SlotPlanner.Window(2, 3), HOUR, new TreeNeighbours());
        assertThat(plan.slot()).isEqualTo(ZonedDateTime.of(LocalDateTime.parse("2025-03-10T02:00"), NEW_YORK)
                .toInstant());
    }

    @Test
    void aWindowStartingInsideTheFallBackOverlapTakesTheEarlierOffset() {
        // New York 2025-11-02: 01:00–02:00 happens twice; the window opens at the first 01:00 (EDT, 05:00Z)
        var plan = plan("2025-11-02T03:00:00Z", NEW_YORK, new SlotPlanner.Window(1, 4), HOUR, new TreeNeighbours());
        assertThat(plan.slot()).isEqualTo("2025-11-02T05:00:00Z");
    }

    @Test
    void tiktoksWindowEndsAtMidnight() {
        var tiktok = new SlotPlanner.Window(16, 24);
        var calendar = new TreeNeighbours();
        calendar.slots.add(Instant.parse("2025-06-01T23:40:00Z"));
        assertThat(plan("2025-06-01T23:50:00Z", UTC, tiktok, Duration.ofMinutes(30), calendar).slot())
                .isEqualTo("2025-06-02T16:00:00Z");
        assertThat(plan("2025-06-02T00:10:00Z", UTC, tiktok, Duration.ofMinutes(30), new TreeNeighbours()).slot())
                .isEqualTo("2025-06-02T16:00:00Z");
    }

    private static Plan plan(String at, ZoneId zone, SlotPlanner.Window w, Duration gap, TreeNeighbours calendar) {
        return SlotPlanner.plan(new SlotPlanner.Request(Instant.parse(at), zone, w, gap), calendar).orElseThrow();
    }
}
