package io.socialsync.meta.downloads;

import io.micrometer.core.instrument.MeterRegistry;
import io.socialsync.config.SocialSyncProperties;
import io.socialsync.jobs.Backoff;
import io.socialsync.jobs.JobQueue;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import io.socialsync.meta.MetaPost;
import io.socialsync.meta.downloads.DownloadOutcome.Downloaded;
import io.socialsync.meta.downloads.DownloadOutcome.Failed;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an attempt's outcome, its ledger event and (for a transient failure) the follow-up job in one
 * transaction. Retries: the row goes back to pending with {@code media_next_attempt_at} from the queue's backoff,
 * and a one-post job is scheduled for that time; the 15-minute batch would also pick it up then.
 */
@Component
public class DownloadRecorder {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final MediaStates states;
    private final Ledger ledger;
    private final ObjectProvider<JobQueue> queue;
    private final Backoff backoff;
    private final MeterRegistry meters;
    private final Clock clock;
    private final PublicLinks links;
    private final StorageFullAlert fullAlert;
    private final boolean publicLinks;

    /** The queue is looked up lazily: it needs every handler, and this serves one (a constructor cycle otherwise). */
    public DownloadRecorder(MediaStates states, Ledger ledger, ObjectProvider<JobQueue> queue, Backoff backoff,
                            MeterRegistry meters, Clock clock, PublicLinks links,
                            SocialSyncProperties properties, StorageFullAlert fullAlert) {
        this.fullAlert = fullAlert;
        this.links = links;
        this.publicLinks = properties.meta().publicLinks();
        this.states = states;
        this.ledger = ledger;
        this.queue = queue;
        this.backoff = backoff;
        this.meters = meters;
        this.clock = clock;
    }

    /** @return false when the claim had gone stale and another run owns the row: nothing was written */
    @Transactional
    public boolean record(MetaPost claimed, DownloadOutcome outcome, long jobId) {
        Instant now = clock.instant();
        var payload = new LinkedHashMap<String, Object>();
        payload.put("post_id", claimed.postId());
        payload.put("type", claimed.type().wire());
        payload.put("attempt", claimed.mediaAttempts());
        boolean written = switch (outcome) {
            case Downloaded d -> downloaded(claimed, d, now, payload);
            case Failed f -> failed(claimed, f, now, payload);
        };
        if (written) {
            EventType type = outcome instanceof Downloaded ? EventType.META_MEDIA_DOWNLOADED
                    : EventType.META_MEDIA_FAILED;
            ledger.append(new LedgerEvent.New(claimed.workspaceId(), Actor.SYSTEM, type, "meta_post",
                    Long.toString(claimed.id()), jobId, payload));
            meters.counter("socialsync.meta.downloads", "outcome", outcomeTag(outcome)).increment();
            if (outcome instanceof Failed f && f.type() == DownloadOutcome.ErrorType.STORAGE_FULL) {
                fullAlert.raise(claimed.workspaceId(), claimed.id(), jobId, f.message());
            }
        }
        return written;
    }

    private boolean downloaded(MetaPost claimed, Downloaded d, Instant now, Map<String, Object> payload) {
        payload.put("storage_key", d.key());
        payload.put("size_bytes", d.size());
        payload.put("already_stored", d.alreadyStored());
        if (!states.succeeded(claimed, d.key(), d.contentType(), d.size(), d.sha256(), now)) {
            return false;
        }
        if (publicLinks) {
            links.ensure(claimed.workspaceId(), claimed.id(), now);
            payload.put("public_link", true);
        }
        return true;
    }

    private boolean failed(MetaPost claimed, Failed f, Instant now, Map<String, Object> payload) {
        boolean retry = f.retryable() && claimed.mediaAttempts() < MediaStates.MAX_ATTEMPTS;
        String error = JSON.writeValueAsString(Map.of("message", f.message(), "type", f.type().wire(),
                "timestamp", now.toString(), "attempt", claimed.mediaAttempts()));
        payload.put("error_type", f.type().wire());
        payload.put("error", f.message());
        payload.put("will_retry", retry);
        if (!retry) {
            return states.failed(claimed, error, now);
        }
        Instant next = now.plus(backoff.delay(claimed.mediaAttempts()));
        payload.put("next_attempt_at", next.toString());
        if (!states.retrying(claimed, error, next, now)) {
            return false;
        }
        var request = MediaDownloadHandler.request(claimed.workspaceId(),
                        MediaDownloadHandler.Payload.posts(List.of(claimed.id())))
                .withIdempotencyKey("meta-media-" + claimed.id() + "-retry-" + claimed.mediaAttempts()).at(next);
        queue.getObject().enqueue(request, Actor.SYSTEM);
        return true;
    }

    private static String outcomeTag(DownloadOutcome outcome) {
        return switch (outcome) {
            case Downloaded d -> d.alreadyStored() ? "already_stored" : "downloaded";
            case Failed f -> f.retryable() ? "retrying" : "failed";
        };
    }
}
