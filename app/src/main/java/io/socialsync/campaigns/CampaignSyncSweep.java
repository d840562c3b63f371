package io.socialsync.campaigns;

import io.socialsync.config.SocialSyncProperties.Roles;
import io.socialsync.jobs.JobQueue;
import io.socialsync.ledger.Actor;
import io.socialsync.node.PeriodicTask;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Every {@code sync-interval} on nodes with the scheduler role: a CAMPAIGN_SYNC job for each active or paused
 * campaign not read within the interval, and for each stopped or ended one until a reading taken once its spend
 * settled ({@code spend-settles-after}, as Meta reports spend late), even if an earlier final reading failed; none
 * while the ad account waits to be reconnected (every call would be refused), all of them again once it is. The
 * idempotency key names the campaign and the interval, so several nodes queue one job.
 */
@Service
public class CampaignSyncSweep implements PeriodicTask.Owner {
    private final Campaigns rows;
    private final JobQueue queue;
    private final CampaignSettings settings;
    private final Clock clock;

    CampaignSyncSweep(Campaigns rows, JobQueue queue, CampaignSettings settings, Clock clock) {
        this.rows = rows;
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public PeriodicTask periodic() {
        return PeriodicTask.of("Looking for campaigns to sync", Roles::scheduler, settings.syncInterval(),
                this::enqueueDue, "Queued {} campaign sync(s)");
    }

    /** @return how many CAMPAIGN_SYNC jobs were newly created */
    public int enqueueDue() {
        Instant now = clock.instant();
        var interval = settings.syncInterval();
        long slot = now.getEpochSecond() / Math.max(1, interval.toSeconds());
        int created = 0;
        for (var c : rows.dueForSync(now.minus(interval), now, Math.max(1, settings.syncBatch()))) {
            var request = CampaignSyncHandler.JOB.request(c.workspaceId(), new CampaignSyncHandler.Payload(c.id()))
                    .withIdempotencyKey("campaign-sync-" + c.id() + "-slot-" + slot);
            created += queue.enqueue(request, Actor.SYSTEM).created() ? 1 : 0;
        }
        return created;
    }
}
