package io.socialsync.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A contender against its baseline, run in turn (A B, B A, A B …) so both meet the same stretch of neighbouring
 * load, and the ratio taken pair by pair: on a shared machine the median of those ratios holds while the absolute
 * times drift with the neighbours.
 */
record Paired(List<Measured> contender, List<Measured> baseline) {
    static Paired run(Runnable contender, Runnable baseline, int rounds) {
        var a = new ArrayList<Measured>();
        var b = new ArrayList<Measured>();
        for (int r = 0; r < rounds; r++) {
            System.err.println("round " + (r + 1) + " of " + rounds);
            if (r % 2 == 0) {
                a.add(Measured.of(contender));
                b.add(Measured.of(baseline));
            } else {
                b.add(Measured.of(baseline));
                a.add(Measured.of(contender));
            }
        }
        return new Paired(List.copyOf(a), List.copyOf(b));
    }

    double cpuRatio() {
        return median(i -> contender.get(i).cpuSeconds() / baseline.get(i).cpuSeconds());
    }

    double wallRatio() {
        return median(i -> contender.get(i).wallSeconds() / baseline.get(i).wallSeconds());
    }

    /** Per-pair CPU ratios, in run order, for the report. */
    double[] cpuRatios() {
        double[] r = new double[contender.size()];
        for (int i = 0; i < r.length; i++) r[i] = contender.get(i).cpuSeconds() / baseline.get(i).cpuSeconds();
        return r;
    }

    static Measured median(List<Measured> runs) {
        double[] wall = runs.stream().mapToDouble(Measured::wallSeconds).sorted().toArray();
        double[] cpu = runs.stream().mapToDouble(Measured::cpuSeconds).sorted().toArray();
        return new Measured(mid(wall), mid(cpu));
    }

    private double median(java.util.function.IntToDoubleFunction ratio) {
        double[] r = new double[contender.size()];
        for (int i = 0; i < r.length; i++) r[i] = ratio.applyAsDouble(i);
        Arrays.sort(r);
        return mid(r);
    }

    private static double mid(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
