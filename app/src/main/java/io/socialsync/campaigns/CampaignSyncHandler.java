package io.socialsync.campaigns;

import io.socialsync.jobs.Job;
import io.socialsync.jobs.JobContext;
import io.socialsync.jobs.JobHandler;
import io.socialsync.jobs.JobKind;
import io.socialsync.jobs.JobSpec;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * CAMPAIGN_SYNC: builds, re-states and reads one campaign ({@link CampaignSync}). Enough attempts to ride out
 * Meta's temporary trouble with the queue's backoff; rate limits do not spend attempts (the run queues its
 * successor for when Meta allows calls again). Each attempt is a handful of JSON calls.
 */
@Component
public class CampaignSyncHandler implements JobHandler {
    public static final String KIND = "CAMPAIGN_SYNC";
    public static final JobKind<Payload> JOB = JobKind.of(KIND, Payload.class);
    private final CampaignSync sync;
    private final Campaigns rows;

    CampaignSyncHandler(CampaignSync sync, Campaigns rows) {
        this.sync = sync;
        this.rows = rows;
    }

    public record Payload(long campaignId) {
    }

    @Override
    public JobSpec spec() {
        return new JobSpec(KIND, 8, Duration.ofMinutes(5), 2);
    }

    @Override
    public Object run(JobContext context) {
        return sync.run(context.workspaceId(), context.payload(JOB).campaignId(), context.job().id());
    }

    /** A campaign still being built stays so (everything made is PAUSED): resume retries, with the reason shown. */
    @Override
    public void onGaveUp(Job job, String reason) {
        long id = JOB.payload(job).campaignId();
        rows.note(job.workspaceId(), id, "the last sync gave up: " + reason);
    }
}
