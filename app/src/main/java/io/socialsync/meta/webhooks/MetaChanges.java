package io.socialsync.meta.webhooks;

import io.socialsync.jobs.JobQueue;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import io.socialsync.meta.MetaPages;
import io.socialsync.meta.MetaPosts;
import io.socialsync.meta.PostType;
import io.socialsync.meta.downloads.MediaDownloadHandler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies parsed changes inside the webhook's transaction: new posts become rows (plus an immediate download job
 * per workspace for those with media), engagement moves counters. Accounts no workspace connected are skipped.
 */
@Component
public class MetaChanges {
    private static final Logger log = LoggerFactory.getLogger(MetaChanges.class);
    private final MetaPages pages;
    private final MetaPosts posts;
    private final MetaCounters counters;
    private final JobQueue queue;
    private final Ledger ledger;

    public MetaChanges(MetaPages pages, MetaPosts posts, MetaCounters counters, JobQueue queue, Ledger ledger) {
        this.pages = pages;
        this.posts = posts;
        this.counters = counters;
        this.queue = queue;
        this.ledger = ledger;
    }

    public record Applied(int posts, int counted, int ignored, int jobs) {
        public static final Applied NONE = new Applied(0, 0, 0, 0);

        String summary() {
            return posts + " new post(s), " + counted + " counter change(s), " + ignored
                    + " change(s) of unconnected accounts ignored";
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Applied apply(long eventId, List<MetaChange> changes, Instant now) {
        Map<String, List<Long>> workspaces = new HashMap<>();
        Map<Long, List<Long>> toDownload = new TreeMap<>();
        int created = 0;
        int counted = 0;
        int ignored = 0;
        for (MetaChange change : changes) {
            var targets = workspaces.computeIfAbsent(change.platform() + ":" + change.accountId(),
                    k -> pages.workspacesOf(change.platform(), change.accountId()));
            if (targets.isEmpty()) {
                log.info("Meta webhook {}: {} account {} is not connected to any workspace; change ignored", eventId,
                        change.platform().wire(), change.accountId());
                ignored++;
                continue;
            }
            for (long ws : targets) {
                switch (change) {
                    case MetaChange.NewPost p -> {
                        var id = posts.insertIfNew(ws, p, eventId, now);
                        if (id.isPresent()) {
                            created++;
                            recordNew(ws, id.get(), p, eventId);
                            if (downloadable(p)) {
                                toDownload.computeIfAbsent(ws, k -> new ArrayList<>()).add(id.get());
                            }
                        }
                    }
                    case MetaChange.Engagement e -> {
                        counters.add(ws, e.postId(), e.counter(), e.delta(), now);
                        recordEngagement(ws, e, eventId);
                        counted++;
                    }
                }
            }
        }
        toDownload.forEach((ws, ids) -> queue.enqueue(MediaDownloadHandler.request(ws,
                MediaDownloadHandler.Payload.posts(ids)).withIdempotencyKey("meta-media-event-" + eventId), Actor.SYSTEM));
        return new Applied(created, counted, ignored, toDownload.size());
    }

    /** The seed's candidate rules as far as a new post can tell (its status and attempts are fresh). */
    static boolean downloadable(MetaChange.NewPost p) {
        return p.mediaUrl() != null && p.message() != null
                && (p.type() == PostType.PHOTO || p.type() == PostType.VIDEO);
    }

    /** Each counter change, as the webhook told it: the counters hold the sums, the ledger the history. */
    private void recordEngagement(long ws, MetaChange.Engagement e, long eventId) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("post_id", e.postId());
        payload.put("platform", e.platform().wire());
        payload.put("account_id", e.accountId());
        payload.put("counter", e.counter().name().toLowerCase(java.util.Locale.ROOT));
        payload.put("delta", e.delta());
        payload.put("webhook_event_id", eventId);
        ledger.append(new LedgerEvent.New(ws, Actor.SYSTEM, EventType.META_ENGAGEMENT_CHANGED, "meta_post_counter",
                e.postId(), null, payload));
    }

    private void recordNew(long ws, long id, MetaChange.NewPost p, long eventId) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("post_id", p.postId());
        payload.put("platform", p.platform().wire());
        payload.put("type", p.type().wire());
        payload.put("has_media", p.mediaUrl() != null);
        payload.put("webhook_event_id", eventId);
        ledger.append(new LedgerEvent.New(ws, Actor.SYSTEM, EventType.META_POST_RECEIVED, "meta_post",
                Long.toString(id), null, payload));
    }
}
