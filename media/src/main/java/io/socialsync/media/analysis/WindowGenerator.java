package io.socialsync.media.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every start on a one-second grid × a few target lengths between the platform minimum and maximum, each edge
 * snapped to a cut or quiet point, scored; windows whose picture is mostly unusable are dropped. A 2-hour video
 * gives ~70k windows, scored in O(1) each.
 */
final class WindowGenerator {
    /** Target lengths step: 15, 20, … 60 s for the default rules, fine enough to fit a chorus or a scene. */
    private static final double LENGTH_STEP = 5;

    private WindowGenerator() {}

    static List<Window> windows(Signals signals, ClipRules rules, WindowScorer scorer, Snapper snapper) {
        double d = signals.duration();
        List<Window> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (double length : lengths(rules, d)) {
            for (int start = 0; start + length <= d + 1e-9; start++) {
                Snapper.Edge first = ms(snapper.snap(start));
                Snapper.Edge last = ms(snapper.snap(first.time() + length));
                if (!fits(first.time(), last.time(), rules, d)) last = ms(new Snapper.Edge(first.time() + length,
                        Boundary.NONE));
                if (!fits(first.time(), last.time(), rules, d)) continue;
                long key = Math.round(first.time() * 1000) * 10_000_000L + Math.round(last.time() * 1000);
                if (!seen.add(key)) continue;
                if (scorer.quality(first.time(), last.time()) < WindowScorer.MIN_QUALITY) continue;
                SubScores sub = scorer.subScores(first.time(), last.time(), first.kind(), last.kind());
                out.add(new Window(first.time(), last.time(), WindowScorer.total(sub), sub, first.kind(),
                        last.kind()));
            }
        }
        return out;
    }

    static List<Double> lengths(ClipRules rules, double duration) {
        List<Double> lengths = new ArrayList<>();
        double max = Math.min(rules.maxSeconds(), duration);
        for (double l = rules.minSeconds(); l < max; l += LENGTH_STEP) lengths.add(l);
        if (max >= rules.minSeconds()) lengths.add(max);
        return lengths;
    }

    /** Clip times are whole milliseconds: stable to print, store and compare. */
    private static Snapper.Edge ms(Snapper.Edge e) {
        return new Snapper.Edge(Math.round(e.time() * 1000) / 1000.0, e.kind());
    }

    private static boolean fits(double start, double end, ClipRules rules, double duration) {
        double len = end - start;
        return start >= 0 && end <= duration + 1e-6 && len >= rules.minSeconds() - 1e-6
                && len <= rules.maxSeconds() + 1e-6;
    }
}
