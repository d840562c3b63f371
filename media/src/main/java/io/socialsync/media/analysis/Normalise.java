package io.socialsync.media.analysis;

import java.util.Arrays;

/**
 * Per-video normalisation of a signal to 0–1 around its median, scaled by its spread (10th–90th percentile) so
 * a few extreme seconds cannot squash the rest. The spread has a floor in the signal's own unit: without it a
 * 0.7 LU wobble in a steady video would count as much as the jump from a verse to a chorus (plain percentile
 * ranks did exactly that).
 */
final class Normalise {
    private Normalise() {}

    /** 0.5 at the median; ±0.5 at one spread (at least {@code minSpread}) above or below it. */
    static double[] scaled(double[] values, double minSpread) {
        double median = percentile(values, 0.5);
        double spread = Math.max(minSpread, percentile(values, 0.9) - percentile(values, 0.1));
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) out[i] = Math.clamp(0.5 + (values[i] - median) / spread, 0, 1);
        return out;
    }

    /** The value below which {@code fraction} of the values lie. */
    static double percentile(double[] values, double fraction) {
        if (values.length == 0) return 0;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
    }

    /** log10 with a floor, for signals like spectral flux that span orders of magnitude. */
    static double[] log10(double[] values, double floor) {
        return Arrays.stream(values).map(v -> Math.log10(Math.max(floor, v))).toArray();
    }
}
