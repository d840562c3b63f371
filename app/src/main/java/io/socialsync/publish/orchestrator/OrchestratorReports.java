package io.socialsync.publish.orchestrator;

import io.socialsync.domain.Conflict;
import io.socialsync.publish.Publication;
import io.socialsync.publish.PublicationState;
import io.socialsync.publish.PublishRuns;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Which orchestrator reports a publication accepts, by its state. A repeat of a report already applied answers
 * the same (idempotent); a report that contradicts what is known is a 409 naming why.
 */
@Component
class OrchestratorReports {
    private final Leases leases;
    private final PublishRuns runs;
    private final Clock clock;

    OrchestratorReports(Leases leases, PublishRuns runs, Clock clock) {
        this.leases = leases;
        this.runs = runs;
        this.clock = clock;
    }

    enum FailedAction { RELEASE, FAIL, SAME }

    /**
     * True: record it as posted. A poster whose lease ran out is still believed: the post exists, and refusing
     * the report would only lose it. The one refusal is a second, different post id: that is a duplicate.
     */
    boolean posted(Publication p, String externalId, String leaseToken) {
        var known = runs.resultOf(p.workspaceId(), p.id()).orElseThrow();
        return switch (p.state()) {
            case POSTED -> {
                if (externalId != null && known.externalId() != null && !externalId.equals(known.externalId())) {
                    throw new Conflict("publication " + p.id() + " is already posted as " + known.externalId()
                            + "; a second post " + externalId + " would be a duplicate: delete one on the platform");
                }
                yield false;
            }
            case CANCELLED -> throw new Conflict("publication " + p.id() + " was cancelled");
            case PUBLISHING -> {
                if (!"external".equals(known.publisher())) {
                    throw new Conflict("publication " + p.id() + " is being published by SocialSync itself");
                }
                yield true;
            }
            default -> true; // scheduled, pending, failed, unconfirmed: the poster's word settles it
        };
    }

    FailedAction failed(Publication p, boolean retry, String leaseToken) {
        boolean external = "external".equals(runs.resultOf(p.workspaceId(), p.id()).orElseThrow().publisher());
        return switch (p.state()) {
            case POSTED -> throw new Conflict("publication " + p.id() + " is already posted");
            case CANCELLED -> throw new Conflict("publication " + p.id() + " was cancelled");
            case FAILED -> {
                if (retry) {
                    throw new Conflict("publication " + p.id() + " already failed: reschedule it to try again");
                }
                yield FailedAction.SAME;
            }
            case UNCONFIRMED -> {
                if (retry) {
                    throw new Conflict("publication " + p.id() + " is unconfirmed: check the platform, then "
                            + "reschedule it if it really did not post");
                }
                yield FailedAction.FAIL;
            }
            case PUBLISHING -> {
                if (!external) {
                    throw new Conflict("publication " + p.id() + " is being published by SocialSync itself");
                }
                var lease = leases.of(p.workspaceId(), p.id());
                if (leaseToken != null && !leaseToken.equals(lease.token()) && lease.heldAt(clock.instant())) {
                    throw new Conflict("lease lost: publication " + p.id() + " was handed to another claim "
                            + "after yours expired");
                }
                yield retry ? FailedAction.RELEASE : FailedAction.FAIL;
            }
            case PENDING, SCHEDULED -> {
                if (!external) {
                    throw new Conflict("publication " + p.id() + " is published by SocialSync; cancel it "
                            + "instead");
                }
                yield retry && p.state() == PublicationState.PENDING ? FailedAction.SAME : FailedAction.FAIL;
            }
        };
    }
}
