package io.socialsync.webapp;

import io.socialsync.learning.Outcome;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An account's engagement by weekday × hour in the account's own zone (DST included: each post's local time is
 * read at its instant). A cell's colour is its posts' mean engagement score (learning's lift over the account's
 * recent posts, comparable across checkpoints); its text says the same for screen readers.
 */
public record HeatMap(long accountId, String handle, String platform, String zone, List<Day> days, int posts) {
    static final List<Integer> HOURS = java.util.stream.IntStream.range(0, 24).boxed().toList();

    public record Day(String name, String shortName, List<Cell> cells) {
    }

    /** {@code posts} 0 = no post in that hour; {@code colour} then a neutral grey. */
    public record Cell(int hour, int posts, String colour, String text) {
        public boolean on() {
            return posts > 0;
        }
    }

    public List<Integer> hours() {
        return HOURS;
    }

    static HeatMap of(long accountId, String handle, String platform, ZoneId zone, List<Outcome> outcomes,
                      Instant now) {
        int[][] posts = new int[7][24];
        double[][] score = new double[7][24];
        double[][] engagement = new double[7][24];
        for (Outcome o : outcomes) {
            var local = o.postedAt().atZone(zone);
            int d = local.getDayOfWeek().ordinal();
            int h = local.getHour();
            posts[d][h]++;
            score[d][h] += o.score();
            engagement[d][h] += o.engagement();
        }
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (int d = 0; d < 7; d++) {
            for (int h = 0; h < 24; h++) {
                if (posts[d][h] > 0) {
                    low = Math.min(low, score[d][h] / posts[d][h]);
                    high = Math.max(high, score[d][h] / posts[d][h]);
                }
            }
        }
        var days = new ArrayList<Day>();
        for (DayOfWeek day : DayOfWeek.values()) {
            int d = day.ordinal();
            String name = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            var cells = new ArrayList<Cell>();
            for (int h = 0; h < 24; h++) {
                int n = posts[d][h];
                String hour = String.format(Locale.ROOT, "%02d:00", h);
                if (n == 0) {
                    cells.add(new Cell(h, 0, "#eef0f4", name + " " + hour + ": no post"));
                    continue;
                }
                double mean = score[d][h] / n;
                double t = high > low ? (mean - low) / (high - low) : 1;
                cells.add(new Cell(h, n, colour(t), String.format(Locale.ROOT,
                        "%s %s: %d post%s, mean score %+.2f, mean engagement %s", name, hour, n, n == 1 ? "" : "s",
                        mean, MetricsChart.count(engagement[d][h] / n))));
            }
            days.add(new Day(name, day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH), cells));
        }
        return new HeatMap(accountId, handle, platform, describe(zone, now), days, outcomes.size());
    }

    /** "Europe/Paris (UTC+01:00 now)": the zone's name and where it stands today. */
    static String describe(ZoneId zone, Instant now) {
        String offset = zone.getRules().getOffset(now).getId();
        return zone.getId() + " (UTC" + ("Z".equals(offset) ? "" : offset) + " now)";
    }

    /** From a pale to a deep blue as the cell's mean score goes from the account's lowest to its highest. */
    private static String colour(double t) {
        int r = (int) Math.round(200 - 170 * t);
        int g = (int) Math.round(220 - 140 * t);
        int b = (int) Math.round(250 - 90 * t);
        return String.format("#%02x%02x%02x", r, g, b);
    }
}
