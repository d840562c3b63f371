package io.socialsync.platforms.facebook;

import io.socialsync.platforms.Journal;
import io.socialsync.platforms.Platform;
import io.socialsync.platforms.PlatformHttp;
import io.socialsync.platforms.PlatformSettings;
import io.socialsync.platforms.Progress;
import io.socialsync.platforms.PublishOutcome;
import io.socialsync.platforms.PublishTarget;
import io.socialsync.platforms.Publisher;
import io.socialsync.platforms.meta.Graph;
import org.springframework.stereotype.Component;

/**
 * Facebook Pages: a publication goes either as a Page reel ({@link FacebookReels}) or as a regular Page video
 * ({@link FacebookPageVideo}), chosen by {@link FacebookFlow}. Both end in the video's {@code status}
 * ({@link FacebookVideoStatus}), which is also what recovery asks after an unknown outcome.
 */
@Component
public class FacebookPublisher implements Publisher {
    static final String NAME = "Facebook";
    private final PlatformHttp http;
    private final PlatformSettings settings;

    public FacebookPublisher(PlatformHttp http, PlatformSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    @Override
    public Platform platform() {
        return Platform.FACEBOOK;
    }

    /** Both flows record {@code finished} once Facebook accepted the call that publishes. */
    @Override
    public boolean postCreated(Progress progress) {
        return progress.handle("finished") != null;
    }

    @Override
    public PublishOutcome publish(PublishTarget t, Journal journal) {
        String page = t.externalId("page_id");
        if (page == null) {
            return PublishOutcome.Failed.permanent("Facebook account @" + t.handle() + " has no page_id: add the "
                    + "Page id to the account's external_ids");
        }
        var graph = new Graph(http, settings.facebook().baseUrl(), t.accessToken(), settings.requestTimeout());
        return switch (FacebookFlow.of(journal.progress(), settings.facebook().flow(), t.media())) {
            case REELS -> new FacebookReels(http, settings, graph, page)
                    .publish(t, new FacebookVideoStatus(graph, t.handle(), settings, true), journal);
            case VIDEO, AUTO -> new FacebookPageVideo(settings, graph, page)
                    .publish(t, new FacebookVideoStatus(graph, t.handle(), settings, false), journal);
        };
    }
}
