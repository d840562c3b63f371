package io.socialsync.media.analysis;

/**
 * Scores one clip window from per-second scores in O(1) (prefix sums), so every start × length on a one-second
 * grid can be tried even for a 2-hour video.
 */
final class WindowScorer {
    static final double HOOK_SECONDS = 3;
    /** A window whose picture is mostly black, or frozen while silent, is not a clip. */
    static final double MIN_QUALITY = 0.5;

    private final SecondScores scores;
    private final double[] energySum, motionSum, qualitySum;

    WindowScorer(SecondScores scores) {
        this.scores = scores;
        this.energySum = prefix(scores.energy());
        this.motionSum = prefix(scores.motion());
        this.qualitySum = prefix(scores.quality());
    }

    /** Mean picture quality 0–1 of [start, end). */
    double quality(double start, double end) {
        return mean(qualitySum, start, end);
    }

    SubScores subScores(double start, double end, Boundary first, Boundary last) {
        double energy = mean(energySum, start, end), motion = mean(motionSum, start, end);
        double hookEnd = Math.min(end, start + HOOK_SECONDS);
        double opening = 0.6 * mean(energySum, start, hookEnd) + 0.4 * mean(motionSum, start, hookEnd);
        double whole = 0.6 * energy + 0.4 * motion;
        // a strong opening in absolute terms, plus credit for opening stronger than the clip goes on
        double hook = 0.75 * opening + 0.25 * Math.clamp(0.5 + 2 * (opening - whole), 0, 1);
        double continuity = (first.cleanliness + last.cleanliness) / 2;
        return new SubScores(100 * energy, 100 * motion, 100 * hook, 100 * quality(start, end), 100 * continuity);
    }

    static double total(SubScores s) {
        return 0.32 * s.energy() + 0.18 * s.motion() + 0.18 * s.hook() + 0.17 * s.visual() + 0.15 * s.continuity();
    }

    private static double[] prefix(double[] x) {
        double[] p = new double[x.length + 1];
        for (int i = 0; i < x.length; i++) p[i + 1] = p[i] + x[i];
        return p;
    }

    /** Mean over whole seconds [floor(start), ceil(end)), at least one second. */
    private static double mean(double[] prefix, double start, double end) {
        int n = prefix.length - 1;
        if (n == 0) return 0;
        int from = (int) Math.clamp(Math.floor(start), 0, n - 1);
        int to = (int) Math.clamp(Math.ceil(end), from + 1, n);
        return (prefix[to] - prefix[from]) / (to - from);
    }
}
