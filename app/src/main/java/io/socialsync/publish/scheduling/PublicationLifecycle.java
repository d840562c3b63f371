package io.socialsync.publish.scheduling;

import io.socialsync.accounts.SocialAccountDeleted;
import io.socialsync.domain.Conflict;
import io.socialsync.domain.NotFound;
import io.socialsync.jobs.JobQueue;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.publish.Publication;
import io.socialsync.publish.PublicationState;
import io.socialsync.publish.Publications;
import io.socialsync.publish.PublishEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cancelling publications. A cancel wins over a queued post: its PUBLISH job is cancelled in the same
 * transaction, and the publisher re-reads the row before acting, so a job that was already claimed does nothing.
 */
@NamedInterface("scheduling")
@Service
public class PublicationLifecycle {
    private static final EnumSet<PublicationState> CANCELLABLE = EnumSet.of(PublicationState.SCHEDULED,
            PublicationState.PENDING);
    private final Publications rows;
    private final JobQueue queue;
    private final PublishEvents events;
    private final Clock clock;

    public PublicationLifecycle(Publications rows, JobQueue queue, PublishEvents events, Clock clock) {
        this.rows = rows;
        this.queue = queue;
        this.events = events;
        this.clock = clock;
    }

    /** Idempotent: cancelling a cancelled publication answers with it unchanged. */
    @Transactional
    public Publication cancel(long ws, long id, Actor actor) {
        var p = rows.lockById(ws, id).orElseThrow(() -> new NotFound("publication", id));
        if (p.state() == PublicationState.CANCELLED) {
            return p;
        }
        if (!CANCELLABLE.contains(p.state())) {
            throw new Conflict("publication " + id + " is " + p.state().wire() + " and can no longer be "
                    + "cancelled");
        }
        cancel(p, actor, "cancelled by request");
        return rows.byId(ws, id).orElseThrow();
    }

    /** A deleted account never posts: its scheduled and queued publications go with it. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(SocialAccountDeleted deleted) {
        rows.openOfAccount(deleted.workspaceId(), deleted.accountId(), CANCELLABLE)
                .forEach(p -> cancel(p, deleted.actor(), "social account deleted"));
    }

    public Publication get(long ws, long id) {
        return rows.byId(ws, id).orElseThrow(() -> new NotFound("publication", id));
    }

    private void cancel(Publication p, Actor actor, String reason) {
        cancelJob(p, actor);
        rows.transition(p, PublicationState.CANCELLED, now(), null, null);
        var payload = PublishEvents.base(p);
        payload.put("previous_status", p.state().wire());
        payload.put("scheduled_for", p.scheduledFor().toString());
        payload.put("reason", reason);
        events.record(p, actor, EventType.PUBLISH_CANCELLED, payload);
    }

    /** In the caller's transaction: the PUBLISH job, if unfinished, is cancelled (a claimed one is fenced off). */
    void cancelJob(Publication p, Actor actor) {
        if (p.jobId() == null) {
            return;
        }
        queue.find(p.workspaceId(), p.jobId()).filter(job -> !job.state().terminal())
                .ifPresent(job -> queue.cancel(p.workspaceId(), job.id(), actor));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
