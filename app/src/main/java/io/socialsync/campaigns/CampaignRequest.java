package io.socialsync.campaigns;

import java.time.Instant;
import java.util.List;

/**
 * A request to boost a post, as a person (or a rule) sends it; absent fields take defaults. The post is a
 * publication of this workspace ({@code publicationId}) or named directly ({@code postPlatform} instagram with the
 * media id, or facebook with the Page post id "PAGEID_POSTID").
 *
 * @param budgetKind  daily or lifetime
 * @param budgetMinor in the ad account currency's minor units
 * @param currency    must be the ad account's, when given: a guard against a budget meant in another currency
 */
public record CampaignRequest(String name, Long publicationId, String postPlatform, String postId, String objective,
                              String optimizationGoal, String billingEvent, List<String> specialAdCategories,
                              String budgetKind, Long budgetMinor, String currency, Instant startsAt,
                              Instant endsAt, List<String> countries, Integer ageMin, Integer ageMax,
                              List<String> interests, String idempotencyKey) {
}
