package io.socialsync.learning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@link ThompsonBandit} per dimension (hour, preset, bands), fitted together. A post's score mixes every
 * choice made for it: learning the hour from raw scores counts a good preset's lift as noise of the hour. So the
 * fit backs the other dimensions out first (backfitting an additive model: a few sweeps, each dimension's effects
 * re-estimated as posterior means on what the others leave), then gives each dimension's bandit the scores with
 * the other dimensions' effects removed. The posteriors keep their honest spread: the shrunken means of the other
 * dimensions are subtracted, nothing is fitted twice. The hour is one smooth curve over the day ({@link HourCurve}),
 * the other dimensions' options are unrelated to each other.
 */
public final class AdditiveFit {
    private static final int SWEEPS = 3;
    private static final String HOUR = Dimension.HOUR.wire();

    /** One scored post and the option it had in each dimension (a dimension may be missing: not known). */
    public record Observation(Map<String, String> options, double score) {
    }

    private AdditiveFit() {
    }

    public static Map<String, ThompsonBandit> fit(List<String> dimensions, List<Observation> observations) {
        Map<String, Map<String, Double>> effects = new HashMap<>();
        dimensions.forEach(d -> effects.put(d, new HashMap<>()));
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            for (String d : dimensions) {
                effects.put(d, means(bandit(d, dimensions, observations, effects)));
            }
        }
        var out = new LinkedHashMap<String, ThompsonBandit>();
        dimensions.forEach(d -> out.put(d, bandit(d, dimensions, observations, effects)));
        return out;
    }

    private static ThompsonBandit bandit(String d, List<String> dimensions, List<Observation> observations,
                                         Map<String, Map<String, Double>> effects) {
        Map<String, List<Double>> residuals = new LinkedHashMap<>();
        for (Observation o : observations) {
            String option = o.options().get(d);
            if (option == null) {
                continue;
            }
            double r = o.score();
            for (String other : dimensions) {
                if (!other.equals(d) && o.options().get(other) != null) {
                    r -= effects.get(other).getOrDefault(o.options().get(other), 0.0);
                }
            }
            residuals.computeIfAbsent(option, k -> new ArrayList<>()).add(r);
        }
        return d.equals(HOUR) && !residuals.isEmpty() && residuals.keySet().stream().allMatch(HourCurve::isHour)
                ? HourCurve.fit(residuals) : pooled(residuals);
    }

    /**
     * The options' posteriors with one noise level for the dimension: how much a post's score scatters is the
     * account's audience, not the option's, so it is estimated from every post (the spread within each option)
     * rather than from the option's few. An option tried three times then has the uncertainty of three posts at the
     * account's known scatter, instead of the wide tails of a variance guessed from three values, which made
     * Thompson sampling keep retrying poor options. An option never tried has the prior mean (the baseline) and that
     * same scatter as its uncertainty.
     */
    static ThompsonBandit pooled(Map<String, List<Double>> residuals) {
        var p = NormalGamma.PRIOR;
        double within = 0;
        int total = 0;
        for (List<Double> rs : residuals.values()) {
            double mean = rs.stream().mapToDouble(x -> x).average().orElse(0);
            within += rs.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
            total += rs.size();
        }
        int dof = total - residuals.size();
        double alpha = p.alpha() + dof / 2.0;
        double variance = (2 * p.beta() + within) / (2 * p.alpha() + dof);
        var bandit = new ThompsonBandit(new NormalGamma(p.m(), p.kappa(), alpha, alpha * variance, 0));
        residuals.forEach((option, rs) -> {
            var own = p.updateAll(rs.stream().mapToDouble(x -> x).toArray());
            bandit.set(option, new NormalGamma(own.m(), own.kappa(), alpha, alpha * variance, own.n()));
        });
        return bandit;
    }

    private static Map<String, Double> means(ThompsonBandit b) {
        var m = new HashMap<String, Double>();
        b.observed().forEach((option, posterior) -> m.put(option, posterior.mean()));
        return m;
    }
}
