package io.socialsync.webapp;

import io.socialsync.insights.Checkpoint;
import io.socialsync.insights.MetricsCollection;
import io.socialsync.platforms.MetricValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One publication's views, likes, shares and comments at the 1 h / 24 h / 7 d checkpoints as an inline SVG bar
 * chart: a group of three bars per metric, each metric on its own scale (views dwarf comments), the value over each
 * bar. The same figures are its aria-label and a table, for those who do not see it.
 */
public record MetricsChart(List<Group> groups, String label, List<List<String>> table) {
    static final List<String> METRICS = List.of("views", "likes", "shares", "comments");
    static final int WIDTH = 340;
    static final int HEIGHT = 150;
    private static final int TOP = 16;
    private static final int BASE = 124;
    private static final int GROUP = WIDTH / 4;
    private static final int BAR = 20;
    private static final String[] COLOURS = {"#9cb8e6", "#4f82d1", "#1f4f99"};

    /** A metric's three bars and its name under them. */
    public record Group(String metric, int labelX, List<Bar> bars) {
    }

    /** One checkpoint's bar; {@code value} is what is printed over it (empty when not collected). */
    public record Bar(String checkpoint, int x, int y, int height, String colour, String value, int textX, int textY) {
    }

    static MetricsChart of(List<MetricsCollection> series) {
        var groups = new ArrayList<Group>();
        var table = new ArrayList<List<String>>();
        var label = new StringBuilder();
        for (int m = 0; m < METRICS.size(); m++) {
            String metric = METRICS.get(m);
            Double[] values = new Double[Checkpoint.values().length];
            double max = 0;
            for (Checkpoint c : Checkpoint.values()) {
                values[c.ordinal()] = value(series, c, metric);
                max = Math.max(max, values[c.ordinal()] == null ? 0 : values[c.ordinal()]);
            }
            var bars = new ArrayList<Bar>();
            var row = new ArrayList<String>();
            row.add(metric);
            label.append(m == 0 ? "" : "; ").append(metric).append(':');
            for (Checkpoint c : Checkpoint.values()) {
                Double v = values[c.ordinal()];
                int height = v == null || max == 0 ? 0 : (int) Math.round((BASE - TOP) * v / max);
                int x = m * GROUP + 10 + c.ordinal() * (BAR + 2);
                String shown = v == null ? "" : count(v);
                bars.add(new Bar(c.wire(), x, BASE - height, height, COLOURS[c.ordinal()], shown, x + BAR / 2,
                        BASE - height - 3));
                row.add(v == null ? "–" : shown);
                label.append(' ').append(c.wire()).append(' ').append(v == null ? "not collected" : shown);
            }
            groups.add(new Group(metric, m * GROUP + 10 + (3 * BAR + 4) / 2, bars));
            table.add(row);
        }
        return new MetricsChart(groups, label.toString(), table);
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int base() {
        return BASE;
    }

    private static Double value(List<MetricsCollection> series, Checkpoint checkpoint, String metric) {
        return series.stream().filter(c -> c.checkpoint() == checkpoint).flatMap(c -> c.values().stream())
                .filter(v -> metric.equals(v.metric())).map(MetricValue::value).findFirst().orElse(null);
    }

    /** 1234 → 1.2k, 2500000 → 2.5M: the bars are narrow. */
    static String count(double v) {
        if (Math.abs(v) >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1fM", v / 1_000_000);
        }
        if (Math.abs(v) >= 10_000) {
            return String.format(Locale.ROOT, "%.0fk", v / 1_000);
        }
        if (Math.abs(v) >= 1_000) {
            return String.format(Locale.ROOT, "%.1fk", v / 1_000);
        }
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
