package io.socialsync.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.socialsync.domain.Invalid;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A request checked against itself and the ad account: defaults, what each objective allows, the commitment. */
class CampaignChecksTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final CampaignChecks.Post POST = new CampaignChecks.Post("instagram", "178900");

    private static AdAccount account(String currency) {
        return new AdAccount(1, 1, "42", "Shop", currency, "555", "777", "sealed", 1_000_000, 1_000_000, "active",
                null, NOW, NOW);
    }

    private static CampaignRequest request(String objective, String goal, String billing, String kind, long budget,
                                           Duration length, List<String> categories) {
        return new CampaignRequest(null, null, null, null, objective, goal, billing, categories, kind, budget, null,
                null, NOW.plus(length), List.of("fr"), null, null, null, null);
    }

    @Test
    void aDailyBudgetCommitsItsAmountForEveryStartedDay() {
        var plan = CampaignChecks.plan(request(null, null, null, null, 1000, Duration.ofDays(3), null),
                account("EUR"), POST, NOW, 90);
        assertThat(plan.committedMinor()).isEqualTo(3000);
        assertThat(plan.objective()).isEqualTo("OUTCOME_ENGAGEMENT");
        assertThat(plan.optimizationGoal()).isEqualTo("POST_ENGAGEMENT");
        assertThat(plan.billingEvent()).isEqualTo("IMPRESSIONS");
        assertThat(plan.targeting().countries()).containsExactly("FR");
        assertThat(plan.targeting().ageMin()).isEqualTo(18);
        var longer = CampaignChecks.plan(request(null, null, null, "daily", 1000,
                Duration.ofDays(3).plusSeconds(1), null), account("EUR"), POST, NOW, 90);
        assertThat(longer.committedMinor()).isEqualTo(4000);
        var lifetime = CampaignChecks.plan(request(null, null, null, "lifetime", 5000, Duration.ofDays(9), null),
                account("EUR"), POST, NOW, 90);
        assertThat(lifetime.committedMinor()).isEqualTo(5000);
    }

    @Test
    void goalsAndBillingFollowTheObjective() {
        var awareness = CampaignChecks.plan(request("outcome_awareness", null, null, null, 1000, Duration.ofDays(1),
                List.of("NONE")), account("EUR"), POST, NOW, 90);
        assertThat(awareness.optimizationGoal()).isEqualTo("REACH");
        assertThat(awareness.specialAdCategories()).isEmpty();
        var thruplay = CampaignChecks.plan(request(null, "THRUPLAY", "THRUPLAY", null, 1000, Duration.ofDays(1),
                List.of("HOUSING")), account("EUR"), POST, NOW, 90);
        assertThat(thruplay.billingEvent()).isEqualTo("THRUPLAY");
        assertThat(thruplay.specialAdCategories()).containsExactly("HOUSING");
        var wrong = catchThrowableOfType(Invalid.class, () -> CampaignChecks.plan(request("OUTCOME_AWARENESS",
                "POST_ENGAGEMENT", null, null, 1000, Duration.ofDays(1), List.of("CREDIT")), account("EUR"), POST, NOW,
                90));
        assertThat(wrong.errors()).extracting(Invalid.FieldError::field)
                .containsExactlyInAnyOrder("optimization_goal", "special_ad_categories");
        var sales = catchThrowableOfType(Invalid.class, () -> CampaignChecks.plan(request("OUTCOME_SALES", null, null,
                null, 1000, Duration.ofDays(1), null), account("EUR"), POST, NOW, 90));
        assertThat(sales.errors()).extracting(Invalid.FieldError::field).containsExactly("objective");
    }

    @Test
    void budgetsAreInTheAccountCurrencysMinorUnits() {
        var jpy = CampaignChecks.plan(request(null, null, null, null, 1, Duration.ofDays(1), null), account("JPY"),
                POST, NOW, 90);
        assertThat(jpy.budgetMinor()).isEqualTo(1);
        var tooSmall = catchThrowableOfType(Invalid.class, () -> CampaignChecks.plan(request(null, null, null, null,
                99, Duration.ofDays(1), null), account("EUR"), POST, NOW, 90));
        assertThat(tooSmall.errors().getFirst().message()).contains("at least 100").contains("100 make one EUR");
        assertThat(Currencies.toMinor(new BigDecimal("12.345"), "EUR")).isEqualTo(1235);
        assertThat(Currencies.toMinor(new BigDecimal("1234"), "JPY")).isEqualTo(1234);
        var tooLong = catchThrowableOfType(Invalid.class, () -> CampaignChecks.plan(request(null, null, null, null,
                1000, Duration.ofDays(91), null), account("EUR"), POST, NOW, 90));
        assertThat(tooLong.errors()).extracting(Invalid.FieldError::field).containsExactly("ends_at");
    }

    @Test
    void anInstagramBoostNeedsThePageAndTheInstagramAccount() {
        var bare = new AdAccount(1, 1, "42", "Shop", "EUR", null, null, "sealed", 1, 1, "active", null, NOW, NOW);
        var refused = catchThrowableOfType(Invalid.class, () -> CampaignChecks.plan(request(null, null, null, null,
                1000, Duration.ofDays(1), null), bare, POST, NOW, 90));
        assertThat(refused.errors()).extracting(Invalid.FieldError::field).containsExactly("post", "post");
    }
}
