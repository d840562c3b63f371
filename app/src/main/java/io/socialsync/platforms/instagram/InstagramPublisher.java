package io.socialsync.platforms.instagram;

import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.Journal;
import io.socialsync.platforms.Platform;
import io.socialsync.platforms.PlatformHttp;
import io.socialsync.platforms.PlatformSettings;
import io.socialsync.platforms.Progress;
import io.socialsync.platforms.PublishOutcome;
import io.socialsync.platforms.PublishTarget;
import io.socialsync.platforms.Publisher;
import io.socialsync.platforms.meta.Graph;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Instagram Reels through the Graph API: container ({@code media_type=REELS}, Instagram pulls our signed
 * {@code video_url}) → poll its {@code status_code} → {@code media_publish}. Containers are not posts, so one
 * lost on the way is simply made again; {@code media_publish} is the call that posts, and after an unknown outcome
 * only the container's status is asked ({@link InstagramRecovery}).
 */
@Component
public class InstagramPublisher implements Publisher {
    static final String NAME = "Instagram";
    static final String CONTAINER = "container";
    static final String PUBLISH = "media_publish";
    private final PlatformHttp http;
    private final PlatformSettings settings;

    public InstagramPublisher(PlatformHttp http, PlatformSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    @Override
    public Platform platform() {
        return Platform.INSTAGRAM;
    }

    @Override
    public PublishOutcome publish(PublishTarget t, Journal journal) {
        String user = t.externalId("ig_user_id");
        if (user == null) {
            return PublishOutcome.Failed.permanent("Instagram account @" + t.handle() + " has no ig_user_id: add "
                    + "it to the account's external_ids (the Instagram professional account id)");
        }
        var graph = new Graph(http, settings.instagram().baseUrl(), t.accessToken(), settings.requestTimeout());
        var media = new InstagramMedia(graph, user, t.handle(), settings);
        Progress p = journal.progress();
        if (p.unresolved(PUBLISH)) {
            return new InstagramRecovery(media).recover(p, journal);
        }
        if (p.handle("media_id") != null) {
            return media.posted(p.handle("media_id"));
        }
        String container = p.handle("container_id");
        if (container == null) {
            var refusal = media.quotaRefusal();
            if (refusal != null) {
                return refusal;
            }
            journal.intent(CONTAINER);
            var created = graph.post(user + "/media", containerFields(t));
            if (!(created instanceof HttpResult.Answered a) || !a.ok()) {
                // a container is not a post: losing one is harmless, the next attempt makes another
                return media.failure(created, "creating the upload container");
            }
            container = a.json().path("id").asString("");
            journal.recorded(CONTAINER, Map.of("container_id", container));
        }
        var notReady = media.waitUntilFinished(container, journal);
        if (notReady != null) {
            return notReady;
        }
        journal.intent(PUBLISH);
        var published = graph.post(user + "/media_publish", Map.of("creation_id", container));
        if (published instanceof HttpResult.NoAnswer none) {
            return new PublishOutcome.Unknown(container, "media_publish sent, no answer: " + none.detail());
        }
        if (published instanceof HttpResult.Answered a && a.ok()) {
            String id = a.json().path("id").asString("");
            journal.recorded(PUBLISH, Map.of("media_id", id));
            return media.posted(id);
        }
        journal.recorded(PUBLISH, Map.of()); // refused or never sent: known not published
        return media.failure(published, "publishing");
    }

    private Map<String, String> containerFields(PublishTarget t) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("media_type", "REELS");
        fields.put("video_url", t.media().signedUrl(settings.videoUrlTtl()).toString());
        fields.put("caption", t.captionOrEmpty());
        fields.put("share_to_feed", String.valueOf(settings.instagram().shareToFeed()));
        // cover_url wins over thumb_offset at Instagram; the clip's thumbnail is the frame analysis picked
        URI cover = t.media().signedCoverUrl(settings.videoUrlTtl());
        if (cover != null) {
            fields.put("cover_url", cover.toString());
        } else {
            fields.put("thumb_offset", "0");
        }
        return fields;
    }
}
