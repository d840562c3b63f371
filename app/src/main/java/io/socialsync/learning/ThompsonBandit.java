package io.socialsync.learning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A posterior per option and Thompson sampling over them: each choice draws one plausible mean per option and takes
 * the best, so an option is chosen as often as it is probably the best. Exploration is kept, and bounded by
 * {@code explore}: that share of choices is uniform over the allowed options, so an option the posterior has written
 * off is still tried now and then (audiences change), and never more often than that.
 * The service, the experiments and bench/learning all use this class; the random source is always passed in.
 */
public final class ThompsonBandit {
    /** The share of uniform choices unless a workspace sets its own: one post in twenty. */
    public static final double EXPLORE = 0.05;
    private final Map<String, NormalGamma> posteriors = new LinkedHashMap<>();
    private final NormalGamma prior;
    private final Map<String, NormalGamma> inferred;

    public ThompsonBandit(NormalGamma prior) {
        this(prior, Map.of());
    }

    /**
     * @param inferred the posteriors of options never observed that the observed ones still tell about (an hour next
     *                 to the hours posted at, see {@link HourCurve}); any other option never observed has the prior
     */
    public ThompsonBandit(NormalGamma prior, Map<String, NormalGamma> inferred) {
        this.prior = prior;
        this.inferred = Map.copyOf(inferred);
    }

    public ThompsonBandit() {
        this(NormalGamma.PRIOR);
    }

    public void observe(String option, double score) {
        posteriors.put(option, posterior(option).update(score));
    }

    public void observeAll(String option, double[] scores) {
        posteriors.put(option, posterior(option).updateAll(scores));
    }

    /** Replaces an option's posterior (a fit that pools what options share, see AdditiveFit). */
    public void set(String option, NormalGamma posterior) {
        posteriors.put(option, posterior);
    }

    /** The option's posterior; for one never observed, what the others infer of it, or else the prior. */
    public NormalGamma posterior(String option) {
        var observed = posteriors.get(option);
        return observed != null ? observed : inferred.getOrDefault(option, prior);
    }

    /** The options observed (or {@link #set}), with their posteriors. */
    public Map<String, NormalGamma> observed() {
        return Map.copyOf(posteriors);
    }

    /** A Thompson choice among {@code options} (not empty), uniform with probability {@code explore}. */
    public String choose(List<String> options, double explore, RandomGenerator rng) {
        if (options.isEmpty()) {
            throw new IllegalArgumentException("no options to choose from");
        }
        if (explore > 0 && rng.nextDouble() < explore) {
            return options.get(rng.nextInt(options.size()));
        }
        String best = null;
        double bestDraw = Double.NEGATIVE_INFINITY;
        for (String o : options) {
            double draw = posterior(o).sample(rng);
            if (draw > bestDraw) {
                bestDraw = draw;
                best = o;
            }
        }
        return best;
    }

    /** The option with the highest posterior mean (ties: the first), what a greedy policy would take. */
    public String best(List<String> options) {
        String best = options.getFirst();
        for (String o : options) {
            if (posterior(o).mean() > posterior(best).mean()) {
                best = o;
            }
        }
        return best;
    }

    /**
     * P(option is the best) for each option, by Monte Carlo over the posteriors: {@code draws} joint draws, counting
     * which option's draw is highest. Seeded through {@code rng}, so a report is reproducible.
     */
    public Map<String, Double> probabilityBest(List<String> options, int draws, RandomGenerator rng) {
        int[] wins = new int[options.size()];
        List<NormalGamma> ps = new ArrayList<>(options.size());
        options.forEach(o -> ps.add(posterior(o)));
        for (int d = 0; d < draws; d++) {
            int arg = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < ps.size(); i++) {
                double x = ps.get(i).sample(rng);
                if (x > max) {
                    max = x;
                    arg = i;
                }
            }
            wins[arg]++;
        }
        var out = new LinkedHashMap<String, Double>();
        for (int i = 0; i < options.size(); i++) {
            out.put(options.get(i), wins[i] / (double) draws);
        }
        return out;
    }
}
