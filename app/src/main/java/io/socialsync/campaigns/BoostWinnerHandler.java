package io.socialsync.campaigns;

import io.socialsync.jobs.JobContext;
import io.socialsync.jobs.JobHandler;
import io.socialsync.jobs.JobKind;
import io.socialsync.jobs.JobSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * BOOST_WINNER: the boost rule's decision on one publication scored at 24 h. The payload names only the post:
 * the score, its rank and the rule are read again here, so a job queued by hand decides nothing the evidence
 * does not support.
 */
@Component
public class BoostWinnerHandler implements JobHandler {
    public static final String KIND = "BOOST_WINNER";
    public static final JobKind<Payload> JOB = JobKind.of(KIND, Payload.class);
    private final ObjectProvider<BoostWinners> winners; // boosting queues jobs: resolved at run, not at start

    public record Payload(long publicationId) {
    }

    BoostWinnerHandler(ObjectProvider<BoostWinners> winners) {
        this.winners = winners;
    }

    @Override
    public JobSpec spec() {
        return new JobSpec(KIND, 5, Duration.ofMinutes(1), 1);
    }

    @Override
    public Object run(JobContext context) {
        return winners.getObject().decide(context.workspaceId(), context.payload(JOB).publicationId()).<Object>map(d -> {
            var out = new LinkedHashMap<String, Object>();
            out.put("decision", d.decision());
            out.put("reason", d.reason());
            out.put("campaign_id", d.campaignId());
            return out;
        }).orElse(Map.of("skipped", "the publication has no 24 h score"));
    }
}
