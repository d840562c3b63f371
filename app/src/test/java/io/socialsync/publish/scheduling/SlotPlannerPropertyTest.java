package io.socialsync.publish.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random schedule requests (seeded: a failure reproduces) fill one account's calendar around the DST changes of
 * three zones. Every slot handed out must be inside the window in local time, at least the gap away from every
 * other post, and the earliest such minute at or after the request.
 */
class SlotPlannerPropertyTest {
    /** Each zone's spring-forward and fall-back days of 2025, where the bugs live. */
    private static final List<LocalDate> NEW_YORK = List.of(LocalDate.of(2025, 3, 9), LocalDate.of(2025, 11, 2));
    private static final List<LocalDate> MADRID = List.of(LocalDate.of(2025, 3, 30), LocalDate.of(2025, 10, 26));
    private static final List<LocalDate> SYDNEY = List.of(LocalDate.of(2025, 4, 6), LocalDate.of(2025, 10, 5));
    private static final List<SlotPlanner.Window> WINDOWS = List.of(new SlotPlanner.Window(18, 23),
            new SlotPlanner.Window(16, 24), new SlotPlanner.Window(17, 22), new SlotPlanner.Window(12, 21),
            // windows that touch the DST hours themselves: 00:00–04:00 local holds every transition of these zones
            new SlotPlanner.Window(0, 4), new SlotPlanner.Window(1, 3), new SlotPlanner.Window(2, 3),
            new SlotPlanner.Window(2, 4), new SlotPlanner.Window(0, 24));

    @ParameterizedTest
    @ValueSource(strings = {"America/New_York", "Europe/Madrid", "Australia/Sydney"})
    void randomRequestsNeverBreakTheWindowOrTheGap(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        var days = switch (zoneId) {
            case "America/New_York" -> NEW_YORK;
            case "Europe/Madrid" -> MADRID;
            default -> SYDNEY;
        };
        var random = new Random(zoneId.hashCode());
        int cases = 0;
        for (int account = 0; account < 30; account++) {
            var window = WINDOWS.get(random.nextInt(WINDOWS.size()));
            var gap = Duration.ofMinutes(new int[] {0, 30, 60, 90, 45, 150}[random.nextInt(6)]);
            var calendar = new TreeNeighbours();
            Instant around = days.get(random.nextInt(days.size())).atStartOfDay(zone).toInstant();
            for (int post = 0; post < 12; post++) {
                // minute-aligned requests within two days either side of the change
                Instant requested = around.plus(random.nextInt(4 * 24 * 60) - 2 * 24 * 60, ChronoUnit.MINUTES);
                var plan = SlotPlanner.plan(new SlotPlanner.Request(requested, zone, window, gap), calendar)
                        .orElseThrow();
                String what = zoneId + " " + window + " gap " + gap + " requested " + requested + " got "
                        + plan.slot() + " (" + plan.slot().atZone(zone) + ") with " + calendar.slots;
                assertThat(plan.slot()).as(what).isAfterOrEqualTo(requested);
                assertThat(insideWindow(plan.slot(), zone, window)).as("inside the window: " + what).isTrue();
                assertThat(farEnough(plan.slot(), calendar, gap)).as("keeps the gap: " + what).isTrue();
                for (Instant t = requested; t.isBefore(plan.slot()); t = t.plus(1, ChronoUnit.MINUTES)) {
                    if (insideWindow(t, zone, window) && farEnough(t, calendar, gap)) {
                        throw new AssertionError("an earlier free minute " + t + " was skipped: " + what);
                    }
                }
                assertThat(plan.windowEnd()).as(what).isAfter(plan.slot());
                calendar.slots.add(plan.slot());
                cases++;
            }
        }
        assertThat(cases).isEqualTo(360);
    }

    /** The property as a person states it: the local clock reads between the window's hours. */
    private static boolean insideWindow(Instant t, ZoneId zone, SlotPlanner.Window w) {
        LocalTime local = t.atZone(zone).toLocalTime();
        return !local.isBefore(LocalTime.of(w.startHour(), 0))
                && (w.endHour() == 24 || local.isBefore(LocalTime.of(w.endHour(), 0)));
    }

    /** Checked against every post, not just the nearest two the planner asks for. */
    private static boolean farEnough(Instant t, TreeNeighbours calendar, Duration gap) {
        return calendar.slots.stream().allMatch(s -> Duration.between(s, t).abs().compareTo(gap) >= 0);
    }
}
