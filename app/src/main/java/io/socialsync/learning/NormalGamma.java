package io.socialsync.learning;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The posterior of one option's engagement score under a Normal-Gamma model: scores ~ N(μ, 1/τ) with μ and τ
 * unknown. Why Normal-Gamma rather than a Beta on "beat the baseline or not": the score is continuous (a log-lift
 * over the account's baseline), and binarising it throws away how much better a post did, which is most of the
 * signal with the few dozen posts an account makes a month; Normal-Gamma is conjugate (an update is four sums),
 * learns the noise level per option instead of assuming one, and its marginal on μ is a Student t, so the credible
 * interval is exact rather than sampled.
 *
 * @param m     location of μ
 * @param kappa pseudo-observations behind m
 * @param alpha shape of τ
 * @param beta  rate of τ
 * @param n     real observations folded in (the prior has 0)
 */
public record NormalGamma(double m, double kappa, double alpha, double beta, int n) {
    /**
     * Centred on the account's own baseline (score 0), worth one post, with a prior noise of about one unit of
     * log-lift (E[σ²] = β/(α−1) = 1): weak enough that a handful of posts moves it, strong enough that a single
     * lucky post does not make an option the favourite.
     */
    public static final NormalGamma PRIOR = new NormalGamma(0, 1, 2, 1, 0);

    public NormalGamma {
        if (!(kappa > 0 && alpha > 0 && beta > 0)) {
            throw new IllegalArgumentException("kappa, alpha and beta must be > 0");
        }
    }

    /** The standard conjugate update with one observation. */
    public NormalGamma update(double x) {
        double k = kappa + 1;
        double mean = (kappa * m + x) / k;
        return new NormalGamma(mean, k, alpha + 0.5, beta + kappa * (x - m) * (x - m) / (2 * k), n + 1);
    }

    /** Folds in a batch in one step: the same result as one update per value, in any order. */
    public NormalGamma updateAll(double[] xs) {
        if (xs.length == 0) {
            return this;
        }
        double mean = 0;
        for (double x : xs) {
            mean += x;
        }
        mean /= xs.length;
        double ss = 0;
        for (double x : xs) {
            ss += (x - mean) * (x - mean);
        }
        int k = xs.length;
        return new NormalGamma((kappa * m + k * mean) / (kappa + k), kappa + k, alpha + k / 2.0,
                beta + ss / 2 + kappa * k * (mean - m) * (mean - m) / (2 * (kappa + k)), n + k);
    }

    /** E[μ]: the expected score of the option. */
    public double mean() {
        return m;
    }

    /** The central credible interval of μ at {@code level} (0.9 = 5 % to 95 %): μ is t(2α) around m. */
    public double[] interval(double level) {
        double scale = Math.sqrt(beta / (alpha * kappa));
        double t = new TDistribution(null, 2 * alpha).inverseCumulativeProbability(0.5 + level / 2);
        return new double[] {m - t * scale, m + t * scale};
    }

    /** One Thompson draw of μ: τ ~ Gamma(α, rate β), then μ ~ N(m, 1/(κτ)). */
    public double sample(RandomGenerator rng) {
        double tau = gamma(alpha, rng) / beta;
        return m + rng.nextGaussian() / Math.sqrt(kappa * tau);
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang; a shape below 1 through the boost U^(1/shape). */
    static double gamma(double shape, RandomGenerator rng) {
        if (shape < 1) {
            return gamma(shape + 1, rng) * Math.pow(rng.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = rng.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
