package io.socialsync.jobs.testing;

import io.socialsync.jobs.Job;
import io.socialsync.jobs.JobContext;
import io.socialsync.jobs.JobHandler;
import io.socialsync.jobs.JobSpec;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Test-only kind whose give-up hook breaks the way a real one could: a failing statement (which on PostgreSQL
 * aborts the whole transaction unless it ran under a savepoint), then an exception.
 */
@Component
public class BrokenGiveUpHandler implements JobHandler {
    public static final String KIND = "TEST_BROKEN_GIVE_UP";
    private final JdbcClient jdbc;

    public BrokenGiveUpHandler(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public JobSpec spec() {
        return new JobSpec(KIND, 1, Duration.ofMinutes(1), 1);
    }

    @Override
    public Object run(JobContext context) {
        return null;
    }

    @Override
    public void onGaveUp(Job job, String reason) {
        jdbc.sql("UPDATE no_such_table SET x = 1").update();
    }
}
