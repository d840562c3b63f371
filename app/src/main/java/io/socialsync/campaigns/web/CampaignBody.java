package io.socialsync.campaigns.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** POST /campaigns: the post, the objective, the budget, the dates and the audience. */
public record CampaignBody(@Size(max = 150) String name, @Valid @NotNull Post post, String objective,
                           String optimizationGoal, String billingEvent,
                           @Size(max = 5) List<String> specialAdCategories, @Valid @NotNull Budget budget,
                           Instant startsAt, Instant endsAt, @Valid @NotNull Targeting targeting,
                           @Size(max = 200) String idempotencyKey) {

    /** A publication of this workspace, or a post named directly. */
    public record Post(Long publicationId, String platform, @Size(max = 200) String id) {
    }

    /** @param kind daily (default) or lifetime; amount in minor units of currency (the ad account's) */
    public record Budget(String kind, Long amountMinor, String currency) {
    }

    public record Targeting(@Size(max = 25) List<String> countries, Integer ageMin, Integer ageMax,
                            @Size(max = 25) List<String> interests) {
    }
}
