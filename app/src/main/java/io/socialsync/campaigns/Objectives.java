package io.socialsync.campaigns;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ODAX objectives a boosted post can have, and the optimization goals and billing events Meta accepts with
 * each (the first goal is the default). Traffic, leads, sales and app promotion need a destination a post does
 * not have, so they are refused here rather than by Meta.
 */
final class Objectives {
    static final Map<String, List<String>> GOALS = Map.of(
            "OUTCOME_ENGAGEMENT", List.of("POST_ENGAGEMENT", "THRUPLAY", "TWO_SECOND_CONTINUOUS_VIDEO_VIEWS",
                    "IMPRESSIONS", "REACH"),
            "OUTCOME_AWARENESS", List.of("REACH", "IMPRESSIONS", "THRUPLAY", "AD_RECALL_LIFT"));
    /** FINANCIAL_PRODUCTS_SERVICES replaced CREDIT on 14 January 2025 (Meta's Special Ad Categories guide). */
    static final Set<String> SPECIAL_AD_CATEGORIES = Set.of("NONE", "HOUSING", "EMPLOYMENT",
            "ISSUES_ELECTIONS_POLITICS", "FINANCIAL_PRODUCTS_SERVICES");

    private Objectives() {
    }

    /** IMPRESSIONS always; THRUPLAY may also be billed per ThruPlay. */
    static List<String> billingEvents(String goal) {
        return "THRUPLAY".equals(goal) ? List.of("IMPRESSIONS", "THRUPLAY") : List.of("IMPRESSIONS");
    }

    /** Engagement ad sets say where the engagement happens: on the post, or on its video. */
    static String destination(String objective, String goal) {
        if (!"OUTCOME_ENGAGEMENT".equals(objective)) {
            return null;
        }
        return switch (goal) {
            case "POST_ENGAGEMENT" -> "ON_POST";
            case "THRUPLAY", "TWO_SECOND_CONTINUOUS_VIDEO_VIEWS" -> "ON_VIDEO";
            default -> null;
        };
    }

    /** The counted "result" of the goal, for cost per result. */
    static long results(String goal, io.socialsync.platforms.AdInsights i) {
        return switch (goal) {
            case "POST_ENGAGEMENT" -> i.postEngagements();
            case "THRUPLAY" -> i.thruplays();
            case "TWO_SECOND_CONTINUOUS_VIDEO_VIEWS" -> i.twoSecondViews();
            case "IMPRESSIONS" -> i.impressions();
            default -> i.reach();
        };
    }
}
