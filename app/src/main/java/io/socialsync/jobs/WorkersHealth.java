package io.socialsync.jobs;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** The health endpoint's {@code jobs} component: DOWN while this node's workers cannot reach the queue. */
@Component("jobs")
class WorkersHealth implements HealthIndicator {
    private final QueueOutage outage;

    WorkersHealth(QueueOutage outage) {
        this.outage = outage;
    }

    @Override
    public Health health() {
        return outage.down().map(d -> Health.down().withDetail("error", d.error())
                .withDetail("cause", d.unreachable() ? "database unreachable" : "claims fail")
                .withDetail("since", d.since().toString()).withDetail("failed_attempts", d.attempts()).build())
                .orElseGet(() -> Health.up().build());
    }
}
