package io.socialsync.publish;

import io.socialsync.ledger.Actor;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a publisher records about a PENDING publication. Kept apart from the job queue: job handlers are built
 * before the queue, so nothing a handler needs may depend on it.
 */
@Service
public class PublishOutcomes {
    private final Publications rows;
    private final PublishEvents events;
    private final Clock clock;

    public PublishOutcomes(Publications rows, PublishEvents events, Clock clock) {
        this.rows = rows;
        this.events = events;
        this.clock = clock;
    }

    /** False when the row is no longer PENDING (cancelled or rescheduled meanwhile): the publisher does nothing. */
    @Transactional
    public boolean failPending(long ws, long id, String error, Actor actor) {
        var p = rows.lockById(ws, id).orElse(null);
        if (p == null || p.state() != PublicationState.PENDING) {
            return false;
        }
        rows.transition(p, PublicationState.FAILED, clock.instant().truncatedTo(ChronoUnit.MICROS), null, error);
        var payload = PublishEvents.base(p);
        payload.put("error", error);
        events.record(p, actor, "publish_failed", payload);
        return true;
    }
}
