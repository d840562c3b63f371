package io.socialsync.media.analysis;

import java.util.Arrays;

/** Averages values into one-second bins; grows as time advances, so the duration need not be known up front. */
final class SecondBins {
    private double[] sums = new double[64];
    private double[] counts = new double[64];

    void add(double time, double value) {
        add(time, value, 1);
    }

    /** A value that stands for {@code weight} samples (e.g. frames not decoded but spanned). */
    void add(double time, double value, double weight) {
        if (!Double.isFinite(time) || !Double.isFinite(value)) return;
        int bin = (int) Math.max(0, Math.floor(time));
        if (bin >= sums.length) {
            int size = Math.max(bin + 1, sums.length * 2);
            sums = Arrays.copyOf(sums, size);
            counts = Arrays.copyOf(counts, size);
        }
        sums[bin] += value * weight;
        counts[bin] += weight;
    }

    /** Per-second means over {@code n} seconds; an empty bin repeats the previous one ({@code fill} at the start). */
    double[] means(int n, double fill) {
        double[] out = new double[n];
        double last = fill;
        for (int i = 0; i < n; i++) {
            if (i < counts.length && counts[i] > 0) last = sums[i] / counts[i];
            out[i] = last;
        }
        return out;
    }

    /** Per-second sums (counts of events) over {@code n} seconds. */
    double[] sums(int n) {
        double[] out = new double[n];
        System.arraycopy(sums, 0, out, 0, Math.min(n, sums.length));
        return out;
    }
}
