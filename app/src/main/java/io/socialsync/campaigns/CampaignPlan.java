package io.socialsync.campaigns;

import java.time.Instant;
import java.util.List;

/** A request checked and completed: every value is valid and set; committed is the most it can spend. */
record CampaignPlan(String name, Long publicationId, String postPlatform, String postId, String objective,
                    String optimizationGoal, String billingEvent, List<String> specialAdCategories, String budgetKind,
                    long budgetMinor, String currency, long committedMinor, Instant startsAt, Instant endsAt,
                    Campaign.Targeting targeting, String idempotencyKey) {
}
