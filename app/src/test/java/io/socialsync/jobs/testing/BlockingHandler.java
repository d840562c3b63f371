package io.socialsync.jobs.testing;

import io.socialsync.jobs.JobContext;
import io.socialsync.jobs.JobHandler;
import io.socialsync.jobs.JobSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Test-only kind: announces it started (a file named after the worker), then holds the job until the test
 * creates a release file. It ignores interrupts, like a handler stuck in a non-cooperative call, so the
 * fencing token, not politeness, is what keeps a reclaimed job's result safe.
 */
@Component
public class BlockingHandler implements JobHandler {
    public static final String KIND = "TEST_BLOCKING";

    @Override
    public JobSpec spec() {
        return new JobSpec(KIND, 3, Duration.ofMinutes(5), 1);
    }

    @Override
    public Object run(JobContext context) throws Exception {
        Path dir = Path.of(context.payload().get("dir").asString());
        String worker = System.getProperty("socialsync.jobs.worker-name", "in-process");
        Files.writeString(dir.resolve("started-" + worker), Long.toString(context.job().id()));
        while (!Files.exists(dir.resolve("release"))) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException ignored) {
                // keep holding: this handler simulates one that does not notice cancellation
            }
        }
        Files.writeString(dir.resolve("returned-" + worker), "");
        return Map.of("worker", worker);
    }
}
