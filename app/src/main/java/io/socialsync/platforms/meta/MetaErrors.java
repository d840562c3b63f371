package io.socialsync.platforms.meta;

import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.PublishOutcome;
import io.socialsync.platforms.RetryAfter;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Graph API errors ({@code {"error": {"message", "code", "error_subcode"}}}) of Instagram and Facebook, mapped to
 * sentences a person can act on. Raw codes alone are what users of other schedulers complain about.
 */
public final class MetaErrors {
    /** Application, user and page request limits: the call was refused, nothing happened. */
    private static final Set<Integer> THROTTLED = Set.of(4, 17, 32, 613, 80001, 80002);
    private static final Map<Integer, String> SUBCODES = Map.of(
            2207003, "it timed out downloading the video from us: check that SOCIALSYNC_PUBLIC_URL is reachable "
                    + "from the internet",
            2207052, "it could not fetch the video from us: check that SOCIALSYNC_PUBLIC_URL is reachable from "
                    + "the internet",
            2207020, "the uploaded media expired before publishing: schedule it again",
            2207026, "the video format is not supported: render an instagram_reel variant (H.264/AAC MP4, "
                    + "moov atom first)",
            2207050, "the account is restricted by Instagram: check the account in the Instagram app",
            2207001, "Instagram flagged the post as spam: wait before posting again, and vary captions",
            2207009, "the aspect ratio is not accepted: use a 9:16 variant",
            36003, "the aspect ratio is not accepted: use a 9:16 variant",
            2207081, "the account cannot post Trial Reels");

    private MetaErrors() {
    }

    public static PublishOutcome.Failed map(String platform, String handle, HttpResult.Answered answer) {
        var error = answer.json().path("error");
        int code = error.path("code").asInt(0);
        int subcode = error.path("error_subcode").asInt(0);
        String message = error.path("error_user_msg").asString(error.path("message").asString("no message"));
        String raw = " (" + platform + " said: " + message + "; code " + code
                + (subcode != 0 ? ", subcode " + subcode : "") + ", HTTP " + answer.status() + ")";
        if (code == 190 || code == 102 || subcode == 460 || subcode == 463 || subcode == 467
                || answer.status() == 401) {
            return PublishOutcome.Failed.reauth(platform + " refused the access token of @" + handle
                    + ": reconnect the account to give SocialSync a new token" + raw);
        }
        if (code == 100 && subcode == 33) {
            // "does not exist, cannot be loaded due to missing permissions": a wrong id, a token without the
            // permission, or an upload Graph does not show yet (users of other tools saw it on fresh containers).
            // Not a dead token: reconnecting would not help, and a later attempt often succeeds.
            return PublishOutcome.Failed.retryable(platform + " cannot find or read an object for @" + handle
                    + " (check the account's external ids and the token's permissions): SocialSync tries again"
                    + raw);
        }
        if (subcode == 2207042) {
            return PublishOutcome.Failed.later(platform + " says @" + handle + " reached its daily publishing "
                    + "limit: SocialSync retries when the 24-hour window frees up" + raw, Duration.ofHours(24));
        }
        if (answer.status() == 429 || THROTTLED.contains(code)) {
            return PublishOutcome.Failed.later(platform + " is rate-limiting requests for @" + handle
                    + ": SocialSync retries later" + raw, RetryAfter.of(answer, Duration.ofMinutes(15)));
        }
        if (subcode == 2207082 || answer.status() >= 500 || error.path("is_transient").asBoolean(false)) {
            return PublishOutcome.Failed.retryable(platform + " had a temporary problem processing the video: "
                    + "SocialSync tries again" + raw);
        }
        String known = SUBCODES.get(subcode);
        if (known != null) {
            return PublishOutcome.Failed.permanent(platform + " did not publish: " + known + raw);
        }
        return PublishOutcome.Failed.permanent(platform + " refused the post: " + message + raw);
    }
}
