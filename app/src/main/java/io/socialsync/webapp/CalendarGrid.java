package io.socialsync.webapp;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A week (an hour per row, a day per column) or a month (a week per row) of posts. Each post sits at its own
 * account's wall-clock day and hour, so the grid needs no zone of its own: 19:00 in Madrid and 19:00 in New York
 * share a row, each labelled with its zone. {@code openHours} are the posting windows' hours, shaded in a week.
 */
public record CalendarGrid(CalendarView view, LocalDate anchor, LocalDate first, List<String> headings,
                           List<Row> rows) {
    private static final DateTimeFormatter HEADING = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TITLE = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    /** A day (month) or an hour of a day (week): where a post is dropped. */
    public record Cell(LocalDate day, Integer hour, boolean open, boolean outside, List<CalendarPost> posts) {
        public String label() {
            return DAY.format(day) + (hour == null ? "" : String.format(", %02d:00", hour));
        }

        public int dayOfMonth() {
            return day.getDayOfMonth();
        }
    }

    public record Row(String label, List<Cell> cells) {
    }

    static CalendarGrid of(CalendarView view, LocalDate anchor, Collection<CalendarPost> posts, Set<Integer> openHours) {
        LocalDate first = view.first(anchor);
        var byCell = new HashMap<String, List<CalendarPost>>();
        for (var p : posts) {
            byCell.computeIfAbsent(key(p.day(), view == CalendarView.WEEK ? p.hour() : null), k -> new ArrayList<>())
                    .add(p);
        }
        var headings = new ArrayList<String>();
        for (int d = 0; d < 7; d++) {
            headings.add(view == CalendarView.WEEK ? HEADING.format(first.plusDays(d))
                    : first.plusDays(d).getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH));
        }
        var rows = new ArrayList<Row>();
        if (view == CalendarView.WEEK) {
            for (int h = 0; h < 24; h++) {
                var cells = new ArrayList<Cell>();
                for (int d = 0; d < 7; d++) {
                    LocalDate day = first.plusDays(d);
                    cells.add(new Cell(day, h, openHours.contains(h), false, posts(byCell, key(day, h))));
                }
                rows.add(new Row(String.format("%02d:00", h), cells));
            }
        } else {
            for (int w = 0; w < CalendarView.MONTH.days() / 7; w++) {
                var cells = new ArrayList<Cell>();
                for (int d = 0; d < 7; d++) {
                    LocalDate day = first.plusDays(w * 7L + d);
                    cells.add(new Cell(day, null, false, day.getMonth() != anchor.getMonth(), posts(byCell, key(day, null))));
                }
                rows.add(new Row("Week " + first.plusDays(w * 7L).get(WeekFields.ISO.weekOfWeekBasedYear()), cells));
            }
        }
        return new CalendarGrid(view, anchor, first, headings, rows);
    }

    /** "Week of Mon 7 Jan 2030" or "January 2030". */
    public String title() {
        return view == CalendarView.WEEK ? "Week of " + HEADING.format(first) + " " + first.getYear()
                : TITLE.format(anchor);
    }

    public LocalDate previous() {
        return view.step(anchor, -1);
    }

    public LocalDate next() {
        return view.step(anchor, 1);
    }

    public boolean empty() {
        return rows.stream().allMatch(r -> r.cells().stream().allMatch(c -> c.posts().isEmpty()));
    }

    private static List<CalendarPost> posts(Map<String, List<CalendarPost>> byCell, String key) {
        return byCell.getOrDefault(key, List.of());
    }

    private static String key(LocalDate day, Integer hour) {
        return hour == null ? day.toString() : day + "T" + hour;
    }

    static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
