package io.socialsync.platforms.instagram;

import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.Journal;
import io.socialsync.platforms.Pause;
import io.socialsync.platforms.PlatformSettings;
import io.socialsync.platforms.PublishOutcome;
import io.socialsync.platforms.meta.Graph;
import io.socialsync.platforms.meta.MetaErrors;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Reads about one Instagram user's containers and media: status polls, quota, permalinks. */
final class InstagramMedia {
    private static final DateTimeFormatter IG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");
    private final Graph graph;
    private final String user;
    private final String handle;
    private final PlatformSettings settings;

    InstagramMedia(Graph graph, String user, String handle, PlatformSettings settings) {
        this.graph = graph;
        this.user = user;
        this.handle = handle;
        this.settings = settings;
    }

    /** The container's {@code status_code} (IN_PROGRESS, FINISHED, ERROR, EXPIRED, PUBLISHED), or null. */
    HttpResult status(String container) {
        return graph.get(container, "fields=status_code,status");
    }

    /** Polls until FINISHED (null) or another outcome: a failed or expired container, or "check later". */
    PublishOutcome waitUntilFinished(String container, Journal journal) {
        for (int i = 0; i < settings.pollAttempts(); i++) {
            var result = status(container);
            if (!(result instanceof HttpResult.Answered a) || !a.ok()) {
                return failure(result, "checking the upload");
            }
            String code = a.json().path("status_code").asString("");
            switch (code) {
                case "FINISHED" -> {
                    return null;
                }
                case "ERROR" -> {
                    journal.reset("container " + container + " failed");
                    return PublishOutcome.Failed.permanent("Instagram could not process the video for @" + handle
                            + ": " + a.json().path("status").asString("no detail") + " (re-render the variant as "
                            + "H.264/AAC MP4, 9:16, 3 s to 15 min)");
                }
                case "EXPIRED" -> {
                    journal.reset("container " + container + " expired");
                    return PublishOutcome.Failed.retryable("Instagram's upload container expired before it was "
                            + "published: SocialSync uploads again");
                }
                case "PUBLISHED" -> {
                    return posted(newestSince(null));
                }
                default -> {
                    if (!Pause.sleep(settings.pollInterval())) {
                        return PublishOutcome.Failed.retryable("stopped while Instagram was processing the video");
                    }
                }
            }
        }
        return PublishOutcome.Failed.retryable("Instagram is still processing the video after "
                + settings.pollAttempts() + " checks: SocialSync checks again later");
    }

    /** Over the account's quota by Instagram's own count ({@code content_publishing_limit}): come back in an hour. */
    PublishOutcome quotaRefusal() {
        var result = graph.get(user + "/content_publishing_limit", "fields=quota_usage,config");
        if (!(result instanceof HttpResult.Answered a)) {
            return null; // the budget check is advisory; media_publish enforces the real limit
        }
        if (!a.ok()) {
            var mapped = MetaErrors.map(InstagramPublisher.NAME, handle, a);
            return mapped.reauth() ? mapped : null;
        }
        var data = a.json().path("data").path(0);
        int used = data.path("quota_usage").asInt(0);
        int total = data.path("config").path("quota_total").asInt(Integer.MAX_VALUE);
        if (used < total) {
            return null;
        }
        return PublishOutcome.Failed.later("Instagram's publishing limit for @" + handle + " is used up (" + used
                + " of " + total + " in 24 h): SocialSync retries later", Duration.ofHours(1));
    }

    /** The newest media of the user posted at or after {@code since} (null: the newest), for recovery. */
    String newestSince(Instant since) {
        var result = graph.get(user + "/media", "fields=id,timestamp&limit=10");
        if (!(result instanceof HttpResult.Answered a) || !a.ok()) {
            return null;
        }
        for (var item : a.json().path("data")) {
            Instant at = parse(item.path("timestamp").asString(""));
            if (since == null || (at != null && !at.isBefore(since))) {
                return item.path("id").asString(null);
            }
        }
        return null;
    }

    PublishOutcome.Posted posted(String mediaId) {
        if (mediaId == null) {
            return new PublishOutcome.Posted(null, null);
        }
        var result = graph.get(mediaId, "fields=permalink");
        String url = result instanceof HttpResult.Answered a && a.ok() ? a.json().path("permalink").asString(null)
                : null;
        return new PublishOutcome.Posted(mediaId, url);
    }

    PublishOutcome.Failed failure(HttpResult result, String doing) {
        return switch (result) {
            case HttpResult.Answered a -> MetaErrors.map(InstagramPublisher.NAME, handle, a);
            case HttpResult.NotSent n -> PublishOutcome.Failed.retryable("could not reach Instagram while " + doing
                    + ": " + n.detail());
            case HttpResult.NoAnswer n -> PublishOutcome.Failed.retryable("Instagram did not answer while " + doing
                    + ": " + n.detail());
        };
    }

    private static Instant parse(String s) {
        try {
            return OffsetDateTime.parse(s, IG_TIME).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
