package io.socialsync.platforms;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Reads a Retry-After header: delta seconds or an HTTP date; {@code fallback} when absent or unreadable. */
public final class RetryAfter {
    private RetryAfter() {
    }

    public static Duration of(HttpResult.Answered answer, Duration fallback) {
        String value = answer.header("Retry-After");
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                var at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                var wait = Duration.between(Clock.systemUTC().instant(), at);
                return wait.isNegative() ? Duration.ofSeconds(1) : wait;
            } catch (RuntimeException unreadable) {
                return fallback;
            }
        }
    }
}
