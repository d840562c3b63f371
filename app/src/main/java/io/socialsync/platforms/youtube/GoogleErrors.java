package io.socialsync.platforms.youtube;

import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.PublishOutcome;
import io.socialsync.platforms.RetryAfter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** YouTube Data API errors ({@code error.errors[].reason}) as sentences a person can act on. */
final class GoogleErrors {
    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    private GoogleErrors() {
    }

    static PublishOutcome.Failed map(String handle, HttpResult.Answered answer, Clock clock) {
        var error = answer.json().path("error");
        String reason = error.path("errors").path(0).path("reason").asString("");
        String message = error.path("message").asString("no message");
        String raw = " (YouTube said: " + message + (reason.isEmpty() ? "" : "; " + reason) + ", HTTP "
                + answer.status() + ")";
        if (answer.status() == 401) {
            return PublishOutcome.Failed.reauth("YouTube refused the access token of " + handle
                    + ": reconnect the account (Google tokens of apps in \"Testing\" expire after 7 days)" + raw);
        }
        if (reason.equals("quotaExceeded") || reason.equals("dailyLimitExceeded")) {
            return PublishOutcome.Failed.later("the Google Cloud project's YouTube quota is used up for today: "
                    + "SocialSync retries after it resets at midnight Pacific time" + raw, untilPacificMidnight(clock));
        }
        if (reason.equals("uploadLimitExceeded")) {
            return PublishOutcome.Failed.later("channel " + handle + " reached YouTube's daily upload limit: "
                    + "SocialSync retries in 24 h" + raw, Duration.ofHours(24));
        }
        if (answer.status() == 429 || reason.equals("rateLimitExceeded") || reason.equals("userRateLimitExceeded")) {
            return PublishOutcome.Failed.later("YouTube is rate-limiting uploads: SocialSync retries later" + raw,
                    RetryAfter.of(answer, Duration.ofMinutes(15)));
        }
        if (answer.status() >= 500) {
            return PublishOutcome.Failed.retryable("YouTube had a temporary problem: SocialSync tries again" + raw);
        }
        return PublishOutcome.Failed.permanent("YouTube refused the upload: " + message + raw);
    }

    private static Duration untilPacificMidnight(Clock clock) {
        Instant now = clock.instant();
        Instant midnight = LocalDate.ofInstant(now, PACIFIC).plusDays(1).atStartOfDay(PACIFIC).toInstant();
        return Duration.between(now, midnight).plusMinutes(5);
    }
}
