package io.socialsync.campaigns;

import io.socialsync.domain.Invalid;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a request against itself and the ad account, without side effects: every problem at once. */
final class CampaignChecks {
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern ID = Pattern.compile("\\d{1,30}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private CampaignChecks() {
    }

    /** A post resolved to its platform and id (media id, or PAGEID_POSTID). */
    record Post(String platform, String id) {
    }

    static CampaignPlan plan(CampaignRequest r, AdAccount account, Post post, Instant now, int maxDays) {
        var errors = new Invalid.Collector();
        String name = r.name() == null || r.name().isBlank() ? null : r.name().trim();
        if (name != null && name.length() > 150) {
            errors.add("name", "at most 150 characters");
        }
        String objective = upper(r.objective(), "OUTCOME_ENGAGEMENT");
        var goals = Objectives.GOALS.get(objective);
        String goal = null;
        String billing = null;
        if (goals == null) {
            errors.add("objective", "must be one of " + Objectives.GOALS.keySet().stream().sorted().toList()
                    + ": boosting a post has no destination for the other objectives");
        } else {
            goal = upper(r.optimizationGoal(), goals.getFirst());
            if (!goals.contains(goal)) {
                errors.add("optimization_goal", "with " + objective + " must be one of " + goals);
            } else {
                billing = upper(r.billingEvent(), "IMPRESSIONS");
                if (!Objectives.billingEvents(goal).contains(billing)) {
                    errors.add("billing_event", "with " + goal + " must be one of " + Objectives.billingEvents(goal));
                }
            }
        }
        var categories = new ArrayList<String>();
        for (String c : r.specialAdCategories() == null ? List.<String>of() : r.specialAdCategories()) {
            String v = upper(c, "");
            if (!Objectives.SPECIAL_AD_CATEGORIES.contains(v)) {
                errors.add("special_ad_categories", "'" + c + "' is not one of "
                        + Objectives.SPECIAL_AD_CATEGORIES.stream().sorted().toList());
            } else if (!v.equals("NONE") && !categories.contains(v)) {
                categories.add(v);
            }
        }
        String kind = r.budgetKind() == null ? "daily" : r.budgetKind().trim().toLowerCase(Locale.ROOT);
        if (!kind.equals("daily") && !kind.equals("lifetime")) {
            errors.add("budget_kind", "must be daily or lifetime");
        }
        if (r.currency() != null && !r.currency().trim().equalsIgnoreCase(account.currency())) {
            errors.add("currency", "the ad account bills in " + account.currency() + ": give the budget in "
                    + account.currency() + " minor units");
        }
        long smallest = Currencies.smallestBudget(account.currency());
        if (r.budgetMinor() == null || r.budgetMinor() < smallest) {
            errors.add("budget_minor", "required, at least " + smallest + " (" + account.currency()
                    + " minor units: " + Currencies.offset(account.currency()) + " make one " + account.currency()
                    + ")");
        }
        Instant start = (r.startsAt() == null ? now : r.startsAt()).truncatedTo(ChronoUnit.SECONDS);
        if (r.startsAt() != null && r.startsAt().isBefore(now.minus(Duration.ofMinutes(5)))) {
            errors.add("starts_at", "must not be in the past");
        }
        Instant end = r.endsAt() == null ? null : r.endsAt().truncatedTo(ChronoUnit.SECONDS);
        long days = 0;
        if (end == null) {
            errors.add("ends_at", "required: a campaign without an end has no most it can spend");
        } else if (!end.isAfter(start.plus(Duration.ofHours(1)))) {
            errors.add("ends_at", "must be at least an hour after starts_at");
        } else {
            days = (Duration.between(start, end).toSeconds() + 86_399) / 86_400;
            if (days > maxDays) {
                errors.add("ends_at", "at most " + maxDays + " days after starts_at");
            }
        }
        var countries = new ArrayList<String>();
        for (String c : r.countries() == null ? List.<String>of() : r.countries()) {
            String v = upper(c, "");
            if (!isCountry(v)) {
                errors.add("countries", "'" + c + "' is not an ISO 3166-1 alpha-2 country code");
            } else if (!countries.contains(v)) {
                countries.add(v);
            }
        }
        if (countries.isEmpty() || countries.size() > 25) {
            errors.add("countries", "1 to 25 countries to show the ad in");
        }
        int ageMin = Objects.requireNonNullElse(r.ageMin(), 18);
        int ageMax = Objects.requireNonNullElse(r.ageMax(), 65);
        if (ageMin < 13 || ageMin > 65) {
            errors.add("age_min", "13 to 65");
        }
        if (ageMax < ageMin || ageMax > 65) {
            errors.add("age_max", "age_min to 65");
        }
        var interests = r.interests() == null ? List.<String>of() : r.interests();
        if (interests.size() > 25 || interests.stream().anyMatch(i -> i == null || !ID.matcher(i).matches())) {
            errors.add("interests", "at most 25 of Meta's numeric interest ids");
        }
        if (r.idempotencyKey() != null && !KEY.matcher(r.idempotencyKey()).matches()) {
            errors.add("idempotency_key", "1 to 200 of A-Z a-z 0-9 . _ : -");
        }
        requirePostIdentity(post, account, errors);
        errors.throwIfAny();
        long budget = r.budgetMinor();
        long committed;
        try {
            committed = kind.equals("daily") ? Math.multiplyExact(budget, days) : budget;
        } catch (ArithmeticException overflow) {
            throw Invalid.field("budget_minor", "too large");
        }
        return new CampaignPlan(name, r.publicationId(), post.platform(), post.id(), objective, goal, billing,
                List.copyOf(categories), kind, budget, account.currency(), committed, start, end,
                new Campaign.Targeting(List.copyOf(countries), ageMin, ageMax, List.copyOf(interests)),
                r.idempotencyKey());
    }

    /** An ISO 3166-1 alpha-2 code, upper case. */
    static boolean isCountry(String v) {
        return v != null && COUNTRY.matcher(v).matches() && ISO_COUNTRIES.contains(v);
    }

    /** The creative needs the Page (both platforms) and the Instagram account (Instagram posts). */
    private static void requirePostIdentity(Post post, AdAccount account, Invalid.Collector errors) {
        if (account.pageId() == null) {
            errors.add("post", "the ad account has no page_id: connect it with the Page the ads run as");
        }
        if (post.platform().equals("instagram") && account.instagramUserId() == null) {
            errors.add("post", "boosting an Instagram post needs the ad account's instagram_user_id");
        }
    }

    private static String upper(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim().toUpperCase(Locale.ROOT);
    }
}
