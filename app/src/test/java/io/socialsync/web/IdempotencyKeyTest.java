package io.socialsync.web;

import static io.socialsync.support.IdempotencyKeyChecks.assertReplayedAndReuseRefused;
import static io.socialsync.support.IdempotencyKeyChecks.header;

import io.socialsync.support.IngestServerTest;
import org.junit.jupiter.api.Test;

/** POST /jobs and POST /ingest follow the Idempotency-Key rules (IdempotencyKeyChecks); workers run only ingests. */
class IdempotencyKeyTest extends IngestServerTest {

    private long jobs() {
        return admin.get("/jobs?limit=500").json().get("items").size();
    }

    @Test
    void aJobKeyReusedForAnotherJobIs422() {
        String job = "{\"kind\":\"NOOP\",\"run_at\":\"2999-01-01T00:00:00Z\",\"payload\":{\"n\":%d}}";
        assertReplayedAndReuseRefused(header(admin, "/jobs"), job.formatted(1), job.formatted(2),
                answer -> answer.get("id").asString(), this::jobs);
    }

    @Test
    void anIngestKeyReusedForAnotherUrlIs422() {
        String ingest = "{\"url\":\"http://" + SOURCE_HOST + ":9/%s.mp4\"}";
        assertReplayedAndReuseRefused(header(admin, "/ingest"), ingest.formatted("a"), ingest.formatted("b"),
                answer -> answer.get("job_id").asString(), this::jobs);
    }
}
