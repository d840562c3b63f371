package io.socialsync.learning;

import java.util.List;

/**
 * What the bandits learn from: each post's log engagement minus the mean of its neighbours in time (the account's
 * posts at the same checkpoint within {@link #HALF_WINDOW} posts either side, itself included). Not the stored
 * score's trailing baseline: that one rises as learning improves the account's posts, so the options tried early
 * (mostly exploration) were scored against a low baseline and the options learning settles on against a high one,
 * which made the bad options look better than they were and kept the bandit trying them (bench/learning: a third
 * less regret without it). A window centred on the post has no such lean, and still follows an account that grows.
 */
public final class CentredLevels {
    public static final int HALF_WINDOW = 250;

    private CentredLevels() {
    }

    /** @param logs one checkpoint's log engagements of an account, oldest first */
    public static double[] of(List<Double> logs) {
        int n = logs.size();
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + logs.get(i);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int from = Math.max(0, i - HALF_WINDOW);
            int to = Math.min(n, i + HALF_WINDOW + 1);
            out[i] = logs.get(i) - (prefix[to] - prefix[from]) / (to - from);
        }
        return out;
    }
}
