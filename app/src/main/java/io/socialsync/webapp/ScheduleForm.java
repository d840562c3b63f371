package io.socialsync.webapp;

import io.socialsync.domain.Invalid;
import io.socialsync.platforms.Platform;
import io.socialsync.publish.scheduling.ScheduleRequest;
import io.socialsync.publish.scheduling.When;
import java.time.DateTimeException;
import java.time.LocalDateTime;

/**
 * The schedule form as posted: the account, optionally a variant, "next free slot" ({@code when=next}) or a date
 * and time typed in the account's zone ({@code when=at}), the caption, and the idempotency key the form was served
 * with (a double submit answers with the first publication). Turned into the same request POST /schedule makes.
 */
public record ScheduleForm(Long account, Long variant, String when, String at, String caption, String key) {

    ScheduleRequest request(long clipId, Platform platform) {
        if (key != null && key.length() > 200) {
            throw Invalid.field("key", "must be at most 200 characters");
        }
        return new ScheduleRequest(String.valueOf(clipId), variant, platform, String.valueOf(account), time(),
                null, "manual", caption == null || caption.isBlank() ? null : caption, blank(key) ? null : key);
    }

    private When time() {
        if (!"at".equals(when)) {
            return new When.Auto();
        }
        if (blank(at)) {
            throw Invalid.field("at", "is required: a date and time in the account's time zone, or pick the next "
                    + "free slot");
        }
        try {
            return new When.Local(LocalDateTime.parse(at.trim()));
        } catch (DateTimeException e) {
            throw Invalid.field("at", "must be a date and time such as 2030-01-07T19:00 (got '" + at + "')");
        }
    }

    /** Whether the person typed a time (rather than asking for the next free slot). */
    public boolean timed() {
        return "at".equals(when);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
