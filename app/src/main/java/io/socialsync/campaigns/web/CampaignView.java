package io.socialsync.campaigns.web;

import io.socialsync.campaigns.Campaign;
import java.time.Instant;
import java.util.List;

/** A campaign as the API shows it: money in the ad account currency's minor units, Meta's ids once known. */
public record CampaignView(long id, String name, String state, String desiredState, String statusReason,
                           String effectiveStatus, Long publicationId, String postPlatform, String postId,
                           String objective, String optimizationGoal, String billingEvent, List<String>
                                   specialAdCategories, Budget budget, Instant startsAt, Instant endsAt,
                           Campaign.Targeting targeting, Meta meta, Instant syncedAt, Instant createdAt,
                           Instant updatedAt) {

    /** @param committedMinor the most this campaign can spend, what the caps count */
    public record Budget(String kind, long amountMinor, String currency, long committedMinor) {
    }

    /** Meta's ids, null until created; {@code step} is the remote step last written ahead. */
    public record Meta(String campaignId, String adsetId, String creativeId, String adId, String step) {
    }

    static CampaignView of(Campaign c) {
        return new CampaignView(c.id(), c.name(), c.state().wire(), c.desired().wire(), c.statusReason(),
                c.effectiveStatus(), c.publicationId(), c.postPlatform(), c.postId(), c.objective(),
                c.optimizationGoal(), c.billingEvent(), c.specialAdCategories(),
                new Budget(c.budgetKind(), c.budgetMinor(), c.currency(), c.committedMinor()), c.startsAt(),
                c.endsAt(), c.targeting(), new Meta(c.remoteCampaignId(), c.remoteAdsetId(), c.remoteCreativeId(),
                c.remoteAdId(), c.step()), c.syncedAt(), c.createdAt(), c.updatedAt());
    }
}
