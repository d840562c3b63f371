package io.socialsync.learning;

/**
 * Where a scored post stands in its account at a checkpoint: its score and the share of the account's latest
 * {@code comparedPosts} other scored posts it beat ({@code percentile}, null when there is none to compare with).
 * What a rule acting on good posts reads (campaigns' boost-the-winners rule).
 */
public record Standing(long publicationId, String checkpoint, long socialAccountId, String platform, double score,
                       Double percentile, int comparedPosts) {
}
