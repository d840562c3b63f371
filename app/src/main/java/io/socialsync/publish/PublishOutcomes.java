package io.socialsync.publish;

import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end states of a publication and their ledger events, each in one transaction with the row locked. Kept
 * apart from the job queue: job handlers are built before the queue, so nothing a handler needs may depend on it.
 */
@Service
public class PublishOutcomes {
    private final Publications rows;
    private final PublishRuns runs;
    private final PublishEvents events;
    private final Clock clock;

    public PublishOutcomes(Publications rows, PublishRuns runs, PublishEvents events, Clock clock) {
        this.rows = rows;
        this.runs = runs;
        this.events = events;
        this.clock = clock;
    }

    /** False when the row is no longer PENDING (cancelled or rescheduled meanwhile): the publisher does nothing. */
    @Transactional
    public boolean failPending(long ws, long id, String error, Actor actor) {
        var p = rows.lockById(ws, id).orElse(null);
        return p != null && p.state() == PublicationState.PENDING && fail(p, error, actor);
    }

    /** PUBLISHING or PENDING (or, from an orchestrator, UNCONFIRMED/FAILED) → POSTED; false if it was not open. */
    @Transactional
    public boolean posted(long ws, long id, PublicationState expected, String externalId, String url, Actor actor) {
        var p = rows.lockById(ws, id).orElse(null);
        if (p == null || p.state() != expected) {
            return false;
        }
        Instant now = now();
        rows.transition(p, PublicationState.POSTED, now, null, null);
        runs.result(ws, id, externalId, url, now);
        var payload = PublishEvents.base(p);
        payload.put("external_id", externalId);
        payload.put("url", url);
        payload.put("previous_status", p.state().wire());
        events.record(p, actor, EventType.PUBLISH_POSTED, payload);
        return true;
    }

    /** In the caller's transaction, with {@code p} locked. */
    boolean fail(Publication p, String error, Actor actor) {
        if (!rows.transition(p, PublicationState.FAILED, now(), null, error)) {
            return false;
        }
        var payload = PublishEvents.base(p);
        payload.put("error", error);
        payload.put("previous_status", p.state().wire());
        events.record(p, actor, EventType.PUBLISH_FAILED, payload);
        return true;
    }

    /** The outcome stayed unknown: shown to the user, never posted again by SocialSync on its own. */
    @Transactional
    public boolean unconfirmed(long ws, long id, String handle, String detail, Actor actor) {
        var p = rows.lockById(ws, id).orElse(null);
        if (p == null || p.state() != PublicationState.PUBLISHING) {
            return false;
        }
        String error = "SocialSync could not confirm whether the post went out (" + detail + "). Check the account "
                + "on the platform, then mark it posted or failed: it will not be posted again automatically.";
        rows.transition(p, PublicationState.UNCONFIRMED, now(), null, error);
        var payload = PublishEvents.base(p);
        payload.put("handle", handle);
        payload.put("detail", detail);
        events.record(p, actor, EventType.PUBLISH_UNCONFIRMED, payload);
        return true;
    }

    @Transactional
    public boolean failPublishing(long ws, long id, String error, Actor actor) {
        var p = rows.lockById(ws, id).orElse(null);
        return p != null && p.state() == PublicationState.PUBLISHING && fail(p, error, actor);
    }

    /** A retry is coming: the reason is shown meanwhile. */
    @Transactional
    public void note(long ws, long id, String error) {
        rows.lockById(ws, id).ifPresent(p -> rows.transition(p, p.state(), now(), null, error));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
