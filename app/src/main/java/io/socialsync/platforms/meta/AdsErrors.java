package io.socialsync.platforms.meta;

import io.socialsync.platforms.AdsFailure.Kind;
import io.socialsync.platforms.AdsFailure;
import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.RetryAfter;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Marketing API errors (read by {@link GraphError}, like publishing's) sorted into what a person can do. Meta
 * documents the rate-limit codes (4 app, 17 user with subcode 2446079, 32 page, 613 ad account with subcode
 * 1487742, 80000-80014 the business use cases, 80004 ads_management) and codes 1, 2 and 341 as temporary
 * ("wait and retry"); permissions are 10, 200-299 and 294 (ads_management missing). The budget and targeting
 * subcodes are the ones documented or seen in the wild, so their words are matched as well.
 */
public final class AdsErrors {
    /** 80004: "too many calls to this ad-account" (ads_management business use case limit). */
    private static final Set<Integer> ADS_THROTTLED = Set.of(341, 80000, 80003, 80004, 80014);
    /** "Unknown error" and "service" errors: Meta's advice is to wait and retry. */
    private static final Set<Integer> TEMPORARY = Set.of(1, 2);
    private static final Set<Integer> BUDGET_SUBCODES = Set.of(1885272, 2446307, 1885650, 1487246);
    private static final Set<Integer> TARGETING_SUBCODES = Set.of(1487756, 1487079, 1487694, 1870189);
    private static final Duration DEFAULT_WAIT = Duration.ofMinutes(5);

    private AdsErrors() {
    }

    public static AdsFailure map(HttpResult.Answered answer) {
        var error = GraphError.of(answer);
        String raw = error.said("Meta");
        String words = (error.message() + " " + error.userMessage()).toLowerCase(Locale.ROOT);
        if (error.tokenRefused()) {
            return new AdsFailure(Kind.REAUTH, "Meta refused the ad account's access token: connect the ad account "
                    + "again with a new token (PUT /ad-account)" + raw, null);
        }
        if (error.throttled() || ADS_THROTTLED.contains(error.code())) {
            var wait = regainAccess(answer).orElse(RetryAfter.of(answer, DEFAULT_WAIT));
            return new AdsFailure(Kind.RATE_LIMITED, "Meta is limiting calls to this ad account: SocialSync tries "
                    + "again in " + minutes(wait) + raw, wait);
        }
        if (error.code() == 10 || error.code() == 294 || (error.code() >= 200 && error.code() < 300)) {
            return new AdsFailure(Kind.PERMISSION, "the token may not manage this ad account, Page or Instagram "
                    + "account: give it ads_management (and the Page's or Instagram account's access) in Business "
                    + "Settings, then try again" + raw, null);
        }
        if (BUDGET_SUBCODES.contains(error.subcode()) || words.contains("budget") && (words.contains("too low")
                || words.contains("minimum"))) {
            return new AdsFailure(Kind.BUDGET_TOO_LOW, "the budget is under Meta's minimum for this account and "
                    + "goal: raise it (GET /act_{id}/minimum_budgets shows the minimum)" + raw, null);
        }
        if (TARGETING_SUBCODES.contains(error.subcode()) || words.contains("targeting")) {
            return new AdsFailure(Kind.INVALID_TARGETING, "Meta refused the targeting: check the countries, ages "
                    + "and interest ids" + raw, null);
        }
        if (error.serverTrouble() || TEMPORARY.contains(error.code())) {
            return new AdsFailure(Kind.TEMPORARY, "Meta had a temporary problem: SocialSync tries again" + raw, null);
        }
        return new AdsFailure(Kind.REFUSED, "Meta refused the request: " + error.userMessage() + raw, null);
    }

    /**
     * The longest {@code estimated_time_to_regain_access} (minutes) in X-Business-Use-Case-Usage, which Meta sends
     * with its business use case limits.
     */
    static java.util.Optional<Duration> regainAccess(HttpResult.Answered answer) {
        String header = answer.header("X-Business-Use-Case-Usage");
        if (header == null || header.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            long minutes = 0;
            for (var business : HttpResult.JSON.readTree(header)) {
                for (var useCase : business) {
                    minutes = Math.max(minutes, useCase.path("estimated_time_to_regain_access").asLong(0));
                }
            }
            return minutes > 0 ? java.util.Optional.of(Duration.ofMinutes(minutes)) : java.util.Optional.empty();
        } catch (RuntimeException unreadable) {
            return java.util.Optional.empty();
        }
    }

    private static String minutes(Duration wait) {
        long m = Math.max(1, (wait.toSeconds() + 59) / 60);
        return m + (m == 1 ? " minute" : " minutes");
    }
}
