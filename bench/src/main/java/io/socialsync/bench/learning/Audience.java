package io.socialsync.bench.learning;

import io.socialsync.learning.ClipFeatures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One simulated account's audience, the truth the policies do not see: a known best hour (a bell over the posting
 * window, ±1 h still fairly good), a best preset and a best clip score band (not always the analyser's top band:
 * audiences disagree with analysers), a weekly rhythm (weekends up, midweek down), and noise as real engagement
 * has it: log-normal spread, Poisson counts (which a 3 k follower account feels), and now and then a post that
 * goes viral (×3–8) or flops (×0.2).
 */
record Audience(String name, int followers, int windowStart, int windowEnd, int bestHour, String bestPreset,
                String bestBand, Map<String, Double> presetLift, Map<String, Double> bandLift, double noise) {
    static final List<String> PRESETS = List.of("none", "zoom", "mirror", "color", "speed", "mirror+zoom");
    /** Monday first: Sunday and Saturday lift engagement, Wednesday lowers it. */
    private static final double[] WEEK = {0.0, -0.05, -0.15, -0.05, 0.05, 0.2, 0.25};
    private static final double HOUR_PEAK = 0.7;
    private static final double HOUR_WIDTH = 1.0;

    static Audience of(String name, int followers, int windowStart, int windowEnd, int bestHour, String bestPreset,
                       String bestBand, double noise, SplittableRandom rnd) {
        var presets = new HashMap<String, Double>();
        for (String p : PRESETS) {
            presets.put(p, p.equals(bestPreset) ? 0.35 : 0.2 * rnd.nextDouble() - 0.05);
        }
        var bands = new HashMap<String, Double>();
        for (String b : ClipFeatures.SCORE_BANDS) {
            bands.put(b, b.equals(bestBand) ? 0.4 : 0.2 * rnd.nextDouble() - 0.1);
        }
        return new Audience(name, followers, windowStart, windowEnd, bestHour, bestPreset, bestBand, presets, bands,
                noise);
    }

    List<String> hours() {
        return java.util.stream.IntStream.range(windowStart, windowEnd).mapToObj(String::valueOf).toList();
    }

    double hourLift(int hour) {
        double d = (hour - bestHour) / HOUR_WIDTH;
        return HOUR_PEAK * Math.exp(-0.5 * d * d) - 0.2;
    }

    /** The expected log-lift of a choice, without rhythm and noise: what regret is counted in. */
    double lift(int hour, String preset, String band) {
        return hourLift(hour) + presetLift.get(preset) + bandLift.get(band);
    }

    /** Engagement counted after a post: the account's usual reach × lifts × rhythm × noise, as counts. */
    double engagement(int hour, String preset, String band, int dayOfWeek, SplittableRandom rnd) {
        double logMean = Math.log(followers * 0.04) + lift(hour, preset, band) + WEEK[dayOfWeek];
        double x = Math.exp(logMean + noise * gaussian(rnd));
        double u = rnd.nextDouble();
        if (u < 0.01) {
            x *= 3 + 5 * rnd.nextDouble();
        } else if (u < 0.03) {
            x *= 0.2;
        }
        return poisson(x, rnd);
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    /** Knuth below 50, else the normal approximation: counts of a few dozen are where Poisson noise shows. */
    private static double poisson(double mean, SplittableRandom rnd) {
        if (mean > 50) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(rnd)));
        }
        double limit = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > limit);
        return k - 1;
    }
}
