package io.socialsync.platforms;

import java.time.Instant;
import java.util.List;

/** One object to create in an ad account, in the order they depend on each other. */
public sealed interface AdSpec {

    /** Kinds of ad objects, with the ad account's edge that creates and lists them. */
    enum Kind {
        CAMPAIGN("campaigns"), AD_SET("adsets"), CREATIVE("adcreatives"), AD("ads");

        private final String edge;

        Kind(String edge) {
            this.edge = edge;
        }

        public String edge() {
            return edge;
        }
    }

    String name();

    Kind kind();

    /**
     * @param objective  an ODAX objective (OUTCOME_ENGAGEMENT, OUTCOME_AWARENESS)
     * @param countries  where the ads run: Meta's special_ad_category_country when there are special categories
     */
    record Campaign(String name, String objective, List<String> specialAdCategories, List<String> countries)
            implements AdSpec {
        @Override
        public Kind kind() {
            return Kind.CAMPAIGN;
        }
    }

    /**
     * @param daily        a daily budget, else a lifetime one
     * @param budgetMinor  in the account currency's minor units
     * @param interests    interest ids, may be empty
     * @param destination  Meta's destination_type (ON_POST, ON_VIDEO), or null for none
     * @param dsaBeneficiary who the ads benefit and {@code dsaPayor} who pays (EU Digital Services Act), or null
     *                       to leave them to the ad account's defaults
     */
    record AdSet(String name, String campaignId, boolean daily, long budgetMinor, Instant start, Instant end,
                 List<String> countries, int ageMin, int ageMax, List<String> interests, String optimizationGoal,
                 String billingEvent, String destination, String dsaBeneficiary, String dsaPayor) implements AdSpec {
        @Override
        public Kind kind() {
            return Kind.AD_SET;
        }
    }

    /**
     * An existing post as the ad: an Instagram media ({@code instagramMediaId} with the Page and Instagram account
     * it runs as) or a Page post ({@code objectStoryId}, "PAGEID_POSTID").
     */
    record Creative(String name, String pageId, String instagramUserId, String instagramMediaId,
                    String objectStoryId) implements AdSpec {
        @Override
        public Kind kind() {
            return Kind.CREATIVE;
        }
    }

    record Ad(String name, String adSetId, String creativeId) implements AdSpec {
        @Override
        public Kind kind() {
            return Kind.AD;
        }
    }
}
