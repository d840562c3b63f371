package io.socialsync.media.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Robust per-video normalisation: each value becomes its percentile rank (0 lowest – 1 highest, ties share
 * their average rank). Loudness in LUFS, flux and frame differences have unrelated scales and heavy tails; ranks
 * make them comparable and a few extreme seconds cannot squash the rest.
 */
final class Ranks {
    private Ranks() {}

    static double[] of(double[] values) {
        int n = values.length;
        double[] out = new double[n];
        if (n <= 1) {
            Arrays.fill(out, 0.5);
            return out;
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        for (int lo = 0; lo < n; ) {
            int hi = lo;
            while (hi + 1 < n && values[order[hi + 1]] == values[order[lo]]) hi++;
            double rank = (lo + hi) / 2.0 / (n - 1);
            for (int k = lo; k <= hi; k++) out[order[k]] = rank;
            lo = hi + 1;
        }
        return out;
    }

    /** The value below which {@code fraction} of the values lie. */
    static double percentile(double[] values, double fraction) {
        if (values.length == 0) return 0;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
    }
}
