package io.socialsync.media.render;

import java.util.ArrayList;
import java.util.List;

/** Consecutive saliency samples of one shot, summed: the unit the crop planner decides on. */
record Window(double start, double end, boolean cut, double[] energy) {

    record Best(double centre, double capture) {}

    double length() {
        return Math.max(0, end - start);
    }

    /** Splits at cuts and every {@code seconds}; {@code end} is the next window's start (or the last sample). */
    static List<Window> split(SaliencyTrack track, double seconds) {
        List<Window> out = new ArrayList<>();
        double[] acc = null;
        double start = 0;
        boolean cut = false;
        for (SaliencyTrack.Sample s : track.samples()) {
            if (acc != null && (s.cut() || s.timeSeconds() - start >= seconds)) {
                out.add(new Window(start, s.timeSeconds(), cut, acc));
                acc = null;
            }
            if (acc == null) {
                acc = new double[s.columns().length];
                start = s.timeSeconds();
                cut = s.cut();
            }
            for (int i = 0; i < acc.length && i < s.columns().length; i++) acc[i] += s.columns()[i];
        }
        if (acc != null) out.add(new Window(start, track.samples().getLast().timeSeconds(), cut, acc));
        return out;
    }

    /**
     * The window position holding the most energy; ties go to the most central one, so a flat or uniform picture
     * gets a centre crop. Null when there is no energy at all (a black or flat frame).
     */
    Best best(double share) {
        int n = energy.length;
        double total = SaliencyEstimator.sum(energy);
        if (n == 0 || total <= 0) return null;
        int k = Math.clamp(Math.round(share * n), 1, n);
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + energy[i];
        int bestStart = 0;
        double bestSum = -1;
        for (int s = 0; s + k <= n; s++) {
            double sum = prefix[s + k] - prefix[s];
            boolean better = sum > bestSum + 1e-9 * total
                    || (Math.abs(sum - bestSum) <= 1e-9 * total && centrality(s, k, n) < centrality(bestStart, k, n));
            if (better) {
                bestSum = sum;
                bestStart = s;
            }
        }
        // centre on the energy inside the chosen window, not on the window: a subject narrower than the window
        // then sits in the middle of the crop instead of wherever the tie-break put it
        double weighted = 0;
        for (int i = bestStart; i < bestStart + k; i++) weighted += energy[i] * (i + 0.5);
        double centre = bestSum > 0 ? weighted / bestSum / n : (bestStart + k / 2.0) / n;
        return new Best(centre, bestSum / total);
    }

    private static double centrality(int start, int k, int n) {
        return Math.abs((start + k / 2.0) / n - 0.5);
    }
}
