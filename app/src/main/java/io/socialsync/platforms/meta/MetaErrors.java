package io.socialsync.platforms.meta;

import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.MetricsFetch;
import io.socialsync.platforms.PostRef;
import io.socialsync.platforms.PublishOutcome;
import io.socialsync.platforms.RetryAfter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Graph API errors of Instagram and Facebook (read by {@link GraphError}), mapped to sentences a person can act on,
 * for publishing and for metrics. Raw codes alone are what users of other schedulers complain about.
 */
public final class MetaErrors {
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

    /** For publishers (Instagram, Facebook): what to do with the publication. */
    public static PublishOutcome.Failed map(String platform, String handle, HttpResult.Answered answer) {
        var error = GraphError.of(answer);
        String raw = error.said(platform);
        if (error.tokenRefused()) {
            return PublishOutcome.Failed.reauth(platform + " refused the access token of @" + handle
                    + ": reconnect the account to give SocialSync a new token" + raw);
        }
        if (error.objectMissing()) {
            // "does not exist, cannot be loaded due to missing permissions": a wrong id, a token without the
            // permission, or an upload Graph does not show yet (users of other tools saw it on fresh containers).
            // Not a dead token: reconnecting would not help, and a later attempt often succeeds.
            return PublishOutcome.Failed.retryable(platform + " cannot find or read an object for @" + handle
                    + " (check the account's external ids and the token's permissions): SocialSync tries again"
                    + raw);
        }
        if (error.subcode() == 2207042) {
            return PublishOutcome.Failed.later(platform + " says @" + handle + " reached its daily publishing "
                    + "limit: SocialSync retries when the 24-hour window frees up" + raw, Duration.ofHours(24));
        }
        if (error.throttled()) {
            return PublishOutcome.Failed.later(platform + " is rate-limiting requests for @" + handle
                    + ": SocialSync retries later" + raw, RetryAfter.of(answer, Duration.ofMinutes(15)));
        }
        if (error.subcode() == 2207082 || error.serverTrouble()) {
            return PublishOutcome.Failed.retryable(platform + " had a temporary problem processing the video: "
                    + "SocialSync tries again" + raw);
        }
        String known = SUBCODES.get(error.subcode());
        if (known != null) {
            return PublishOutcome.Failed.permanent(platform + " did not publish: " + known + raw);
        }
        return PublishOutcome.Failed.permanent(platform + " refused the post: " + error.userMessage() + raw);
    }

    /**
     * Differs from the publishers' mapping in one place: code 100 with subcode 33 ("object does not exist") on a
     * media id that was posted means the post was deleted; publishers retry it, since a fresh upload can answer it
     * for a while.
     */
    static MetricsFetch metrics(String platform, PostRef post, HttpResult.Answered answer) {
        var error = GraphError.of(answer);
        String raw = error.said(platform);
        if (error.tokenRefused()) {
            return new MetricsFetch.Failed(platform + " refused the access token of @" + post.handle()
                    + ": reconnect the account to give SocialSync a new token" + raw, MetricsFetch.Kind.REAUTH);
        }
        if (answer.status() == 404 || error.objectMissing()) {
            return new MetricsFetch.Gone(platform + " post " + post.externalId() + " no longer exists" + raw);
        }
        if (error.code() == 10 && error.userMessage().toLowerCase(Locale.ROOT).contains("viewers")) {
            return new MetricsFetch.Unavailable(platform + " has no insights for this post yet: not enough "
                    + "viewers" + raw);
        }
        if (error.throttled() || error.serverTrouble()) {
            return new MetricsFetch.Failed(platform + " is busy or rate-limiting: SocialSync asks again later" + raw,
                    MetricsFetch.Kind.RETRY);
        }
        return new MetricsFetch.Failed(platform + " refused the metrics request: " + error.userMessage() + raw,
                MetricsFetch.Kind.PERMANENT);
    }
}
