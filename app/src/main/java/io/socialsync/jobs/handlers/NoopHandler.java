package io.socialsync.jobs.handlers;

import io.socialsync.jobs.JobContext;
import io.socialsync.jobs.JobHandler;
import io.socialsync.jobs.JobSpec;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Does nothing and succeeds: checks that workers are alive end to end, and drives the queue benchmark. */
@Component
public class NoopHandler implements JobHandler {
    public static final String KIND = "NOOP";

    @Override
    public JobSpec spec() {
        return new JobSpec(KIND, 5, Duration.ofMinutes(10), 4);
    }

    @Override
    public Object run(JobContext context) {
        return Map.of("ok", true);
    }
}
