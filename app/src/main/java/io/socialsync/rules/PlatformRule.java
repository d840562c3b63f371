package io.socialsync.rules;

import java.time.Duration;

/**
 * When one platform's posts may go out: a daily window {@code [start, end)} in the account's local time (end 24 is
 * midnight), and the least time between two posts of one account.
 */
public record PlatformRule(int windowStartHour, int windowEndHour, int minGapMinutes) {

    public Duration minGap() {
        return Duration.ofMinutes(minGapMinutes);
    }
}
