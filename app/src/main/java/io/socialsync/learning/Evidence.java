package io.socialsync.learning;

/**
 * What the posts say about one option: how many were observed with it, the posterior mean of its score (log-lift
 * over the account's baseline, after the other dimensions' effects), its 90 % credible interval, and the
 * probability that it is the best of its dimension.
 */
public record Evidence(String option, int posts, double mean, double lower, double upper, double probabilityBest) {
    public static final double LEVEL = 0.9;
}
