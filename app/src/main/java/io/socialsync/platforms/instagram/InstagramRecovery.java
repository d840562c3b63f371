package io.socialsync.platforms.instagram;

import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.Journal;
import io.socialsync.platforms.Progress;
import io.socialsync.platforms.PublishOutcome;
import java.time.Duration;
import java.util.Map;

/**
 * After a {@code media_publish} whose answer never came: asks the container, never publishes again. PUBLISHED →
 * posted (the media id from the user's newest media); EXPIRED → it was not published and a fresh container is
 * safe; anything else → still unknown.
 */
final class InstagramRecovery {
    private final InstagramMedia media;

    InstagramRecovery(InstagramMedia media) {
        this.media = media;
    }

    PublishOutcome recover(Progress p, Journal journal) {
        String container = p.handle("container_id");
        var result = media.status(container);
        if (!(result instanceof HttpResult.Answered a) || !a.ok()) {
            return new PublishOutcome.Unknown(container, "could not read the container's status: " + describe(result));
        }
        String code = a.json().path("status_code").asString("");
        return switch (code) {
            case "PUBLISHED" -> {
                // a minute of slack: Instagram's timestamps are to the second and clocks differ
                String id = media.newestSince(p.intentAt().minus(Duration.ofMinutes(1)));
                journal.recorded(InstagramPublisher.PUBLISH, id == null ? Map.of() : Map.of("media_id", id));
                yield media.posted(id);
            }
            case "EXPIRED" -> {
                journal.reset("container " + container + " expired unpublished");
                yield PublishOutcome.Failed.retryable("Instagram's container expired without being published: "
                        + "SocialSync uploads again");
            }
            case "ERROR" -> {
                journal.reset("container " + container + " failed");
                yield PublishOutcome.Failed.permanent("Instagram could not process the video: "
                        + a.json().path("status").asString("no detail"));
            }
            default -> new PublishOutcome.Unknown(container, "container status is " + code + ", not PUBLISHED yet");
        };
    }

    private static String describe(HttpResult r) {
        return switch (r) {
            case HttpResult.Answered a -> "HTTP " + a.status() + " " + a.body();
            case HttpResult.NotSent n -> n.detail();
            case HttpResult.NoAnswer n -> n.detail();
        };
    }
}
