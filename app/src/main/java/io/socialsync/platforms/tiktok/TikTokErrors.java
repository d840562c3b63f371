package io.socialsync.platforms.tiktok;

import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.PublishOutcome;
import io.socialsync.platforms.RetryAfter;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** TikTok's {@code error.code} and {@code fail_reason} values as sentences a person can act on. */
final class TikTokErrors {
    private static final Set<String> REAUTH = Set.of("access_token_invalid", "scope_not_authorized",
            "auth_removed", "scope_permission_missed");
    private static final Map<String, String> PERMANENT = Map.ofEntries(
            Map.entry("unaudited_client_can_only_post_to_private_accounts", "this TikTok app is not audited yet, "
                    + "so it can only post privately: set socialsync.platforms.tiktok.privacy-level=SELF_ONLY or "
                    + "get the app audited"),
            Map.entry("privacy_level_option_mismatch", "the privacy level is not one the creator allows"),
            Map.entry("url_ownership_unverified", "the video URL's domain is not verified for this TikTok app"),
            Map.entry("file_format_check_failed", "TikTok rejected the file format: render a tiktok variant "
                    + "(H.264 MP4)"),
            Map.entry("duration_check_failed", "the video is too long or too short for this creator"),
            Map.entry("frame_rate_check_failed", "the frame rate must be 23–60 fps"),
            Map.entry("picture_size_check_failed", "each side must be 360–4096 px"),
            Map.entry("spam_risk_user_banned_from_posting", "the creator is banned from posting"),
            Map.entry("spam_risk_text", "TikTok flagged the caption as spam: change the caption"),
            Map.entry("spam_risk", "TikTok flagged the post as spam"));

    private TikTokErrors() {
    }

    static PublishOutcome.Failed map(String handle, HttpResult.Answered answer) {
        var error = answer.json().path("error");
        String code = error.path("code").asString("");
        String raw = " (TikTok said: " + code + ": " + error.path("message").asString("") + ", HTTP "
                + answer.status() + ")";
        if (answer.status() == 401 || REAUTH.contains(code)) {
            return PublishOutcome.Failed.reauth("TikTok refused the access token of @" + handle
                    + ": reconnect the account" + raw);
        }
        if (answer.status() == 429 || code.equals("rate_limit_exceeded")) {
            return PublishOutcome.Failed.later("TikTok is rate-limiting @" + handle + ": SocialSync retries later"
                    + raw, RetryAfter.of(answer, Duration.ofMinutes(1)));
        }
        if (code.equals("spam_risk_too_many_posts") || code.equals("reached_active_user_cap")
                || code.equals("spam_risk_too_many_pending_share")) {
            return PublishOutcome.Failed.later("TikTok's daily posting cap for @" + handle + " is reached: "
                    + "SocialSync retries in 24 h" + raw, Duration.ofHours(24));
        }
        if (answer.status() >= 500 || code.equals("internal_error")) {
            return PublishOutcome.Failed.retryable("TikTok had a temporary problem: SocialSync tries again" + raw);
        }
        return PublishOutcome.Failed.permanent("TikTok refused the post: "
                + PERMANENT.getOrDefault(code, error.path("message").asString(code)) + raw);
    }

    /** A FAILED status: the post did not happen. */
    static PublishOutcome.Failed failReason(String handle, String reason) {
        String raw = " (fail_reason " + reason + ")";
        if (reason.equals("internal") || reason.equals("video_pull_failed")) {
            return PublishOutcome.Failed.retryable("TikTok failed to process the video for @" + handle
                    + ": SocialSync uploads again" + raw);
        }
        if (REAUTH.contains(reason)) {
            return PublishOutcome.Failed.reauth("TikTok access for @" + handle + " was removed: reconnect the "
                    + "account" + raw);
        }
        if (reason.equals("spam_risk_too_many_posts")) {
            return PublishOutcome.Failed.later("TikTok's daily posting cap for @" + handle + " is reached" + raw,
                    Duration.ofHours(24));
        }
        return PublishOutcome.Failed.permanent("TikTok did not publish the video: "
                + PERMANENT.getOrDefault(reason, reason) + raw);
    }
}
