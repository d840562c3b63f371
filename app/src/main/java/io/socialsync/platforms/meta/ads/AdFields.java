package io.socialsync.platforms.meta.ads;

import io.socialsync.platforms.AdInsights;
import io.socialsync.platforms.AdSpec;
import io.socialsync.platforms.HttpResult;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The Marketing API's form fields for each object, and its insights answer read back. */
final class AdFields {
    private AdFields() {
    }

    static Map<String, String> of(AdSpec spec) {
        var f = new LinkedHashMap<String, String>();
        f.put("name", spec.name());
        switch (spec) {
            case AdSpec.Campaign c -> {
                f.put("objective", c.objective());
                f.put("special_ad_categories", array(c.specialAdCategories()));
                if (!c.specialAdCategories().isEmpty()) {
                    f.put("special_ad_category_country", array(c.countries())); // required with any category
                }
                // the budget is the ad set's: since v24.0 Meta refuses such a campaign unless it says whether its
                // ad sets may share budget, and one ad set has nothing to share with
                f.put("is_adset_budget_sharing_enabled", "false");
                f.put("status", "PAUSED");
            }
            case AdSpec.AdSet s -> {
                f.put("campaign_id", s.campaignId());
                f.put(s.daily() ? "daily_budget" : "lifetime_budget", Long.toString(s.budgetMinor()));
                f.put("start_time", s.start().toString());
                f.put("end_time", s.end().toString());
                f.put("optimization_goal", s.optimizationGoal());
                f.put("billing_event", s.billingEvent());
                f.put("bid_strategy", "LOWEST_COST_WITHOUT_CAP");
                if (s.destination() != null) {
                    f.put("destination_type", s.destination());
                }
                f.put("targeting", targeting(s).toString());
                if (s.dsaBeneficiary() != null) {
                    f.put("dsa_beneficiary", s.dsaBeneficiary());
                }
                if (s.dsaPayor() != null) {
                    f.put("dsa_payor", s.dsaPayor());
                }
                f.put("status", "PAUSED");
            }
            case AdSpec.Creative c -> {
                if (c.objectStoryId() != null) {
                    f.put("object_story_id", c.objectStoryId());
                } else {
                    f.put("object_id", c.pageId());
                    f.put("instagram_user_id", c.instagramUserId());
                    f.put("source_instagram_media_id", c.instagramMediaId());
                }
            }
            case AdSpec.Ad a -> {
                f.put("adset_id", a.adSetId());
                f.put("creative", "{\"creative_id\":" + quote(a.creativeId()) + "}");
                f.put("status", "PAUSED");
            }
        }
        return f;
    }

    private static ObjectNode targeting(AdSpec.AdSet s) {
        var t = HttpResult.JSON.createObjectNode();
        var countries = t.putObject("geo_locations").putArray("countries");
        s.countries().forEach(countries::add);
        t.put("age_min", s.ageMin());
        t.put("age_max", s.ageMax());
        if (!s.interests().isEmpty()) {
            var interests = t.putArray("flexible_spec").addObject().putArray("interests");
            s.interests().forEach(id -> interests.addObject().put("id", id));
        }
        // since v23.0 a new ad set must say whether Advantage+ audience may widen it (Meta turns it on otherwise,
        // and then treats the ages as a suggestion): off, so the countries and ages asked for are what is bought
        t.putObject("targeting_automation").put("advantage_audience", 0);
        return t;
    }

    static AdInsights insights(JsonNode campaign) {
        var row = campaign.path("insights").path("data").path(0);
        return new AdInsights(campaign.path("effective_status").asString(null),
                new BigDecimal(row.path("spend").asString("0")), row.path("impressions").asLong(0),
                row.path("reach").asLong(0), action(row.path("video_play_actions"), "video_view"),
                action(row.path("video_thruplay_watched_actions"), "video_view"),
                action(row.path("video_continuous_2_sec_watched_actions"), "video_view"),
                action(row.path("actions"), "post_engagement"));
    }

    /** Meta's action lists: {@code [{"action_type": "video_view", "value": "123"}]}, values as strings. */
    private static long action(JsonNode actions, String type) {
        for (JsonNode a : actions) {
            if (type.equals(a.path("action_type").asString(""))) {
                return a.path("value").asLong(0);
            }
        }
        return 0;
    }

    private static String array(List<String> values) {
        var a = HttpResult.JSON.createArrayNode();
        values.forEach(a::add);
        return a.toString();
    }

    static String quote(String value) {
        return HttpResult.JSON.getNodeFactory().textNode(value).toString();
    }
}
