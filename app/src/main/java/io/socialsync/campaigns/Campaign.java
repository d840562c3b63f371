package io.socialsync.campaigns;

import java.time.Instant;
import java.util.List;

/**
 * A row of campaigns: one boosted post. {@code state} is what the last sync made true, {@code desired} what a
 * person asked for; {@code step} and {@code intentAt} the write-ahead record of the remote call in flight, the
 * remote ids what Meta returned. {@code stoppedAt}/{@code endedAt} when it could spend no more; a reading at or
 * after {@code settlesAt} is its final spend (Meta reports spend late).
 */
public record Campaign(long id, long workspaceId, long adAccountId, String tag, String name, Long publicationId,
                       String postPlatform, String postId, String objective, String optimizationGoal,
                       String billingEvent, String budgetKind, long budgetMinor, String currency, long committedMinor,
                       Instant startsAt, Instant endsAt, Targeting targeting, List<String> specialAdCategories,
                       CampaignState state, CampaignState desired, String step, Instant intentAt,
                       String remoteCampaignId, String remoteAdsetId, String remoteCreativeId, String remoteAdId,
                       String effectiveStatus, String statusReason, String idempotencyKey, Instant syncedAt,
                       Instant stoppedAt, Instant endedAt, Instant settlesAt, Instant createdAt, Instant updatedAt) {

    /** Countries (ISO 3166-1 alpha-2), ages 13–65, optional interest ids. */
    public record Targeting(List<String> countries, int ageMin, int ageMax, List<String> interests) {
    }

    /** Can spend no more and read late enough: what it spent is final. */
    boolean settled() {
        return (stoppedAt != null || endedAt != null) && syncedAt != null && !syncedAt.isBefore(settlesAt);
    }

    public boolean daily() {
        return "daily".equals(budgetKind);
    }

    /** The name of one remote object: what an unknown outcome is read back by. */
    String remoteName(String object) {
        return "SocialSync " + tag + " " + object;
    }
}
