package io.socialsync.webapp;

import java.time.LocalDate;
import java.util.Locale;

/** The calendar's two views: a week of hours, or the six weeks that show a whole month. */
public enum CalendarView {
    WEEK, MONTH;

    /** The first day shown: a Monday. */
    LocalDate first(LocalDate anchor) {
        return CalendarGrid.monday(this == WEEK ? anchor : anchor.withDayOfMonth(1));
    }

    int days() {
        return this == WEEK ? 7 : 42;
    }

    LocalDate step(LocalDate anchor, int steps) {
        return this == WEEK ? anchor.plusWeeks(steps) : anchor.plusMonths(steps);
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
