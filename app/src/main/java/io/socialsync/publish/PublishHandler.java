package io.socialsync.publish;

import io.socialsync.jobs.JobContext;
import io.socialsync.jobs.JobFailure;
import io.socialsync.jobs.JobHandler;
import io.socialsync.ledger.Actor;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The PUBLISH job of one publication. PLACEHOLDER: no platform publisher exists yet, so a PENDING publication is
 * marked FAILED with "publisher for <platform> not implemented yet" and the job fails permanently. What stays
 * when the publishers arrive: the row is re-read first, and a publication that is no longer PENDING (cancelled or
 * rescheduled after it was queued) is left alone.
 */
@Component
public class PublishHandler implements JobHandler {
    public static final String KIND = "PUBLISH";
    private final Publications rows;
    private final PublishOutcomes outcomes;

    public PublishHandler(Publications rows, PublishOutcomes outcomes) {
        this.rows = rows;
        this.outcomes = outcomes;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int maxAttempts() {
        return 1; // publishing is not blindly retried: an unknown outcome is resolved by asking the platform
    }

    @Override
    public Object run(JobContext context) {
        long ws = context.workspaceId();
        long id = context.payload().path("publication_id").asLong();
        var publication = rows.byId(ws, id).orElse(null);
        if (publication == null || publication.state() != PublicationState.PENDING) {
            return Map.of("skipped", publication == null ? "missing" : publication.state().wire());
        }
        String error = "publisher for " + publication.platform().wire() + " not implemented yet";
        if (!outcomes.failPending(ws, id, error, Actor.SYSTEM)) {
            return Map.of("skipped", "no longer pending");
        }
        throw new JobFailure(error);
    }
}
