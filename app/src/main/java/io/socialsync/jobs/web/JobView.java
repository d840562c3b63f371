package io.socialsync.jobs.web;

import io.socialsync.jobs.Job;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A job as the API shows it: payload and result as JSON, not text; attempts when asked for one job. */
@NamedInterface("job-view")
@NullMarked
public record JobView(long id, String kind, String state, int priority, Instant runAt, JsonNode payload,
                      @Nullable JsonNode result, @Nullable String idempotencyKey, @Nullable Long parentId, int attempt,
                      int maxAttempts, Progress progress, @Nullable String lastError, @Nullable String leaseOwner,
                      @Nullable Instant leaseExpiresAt, Instant createdAt, @Nullable Instant startedAt,
                      @Nullable Instant finishedAt, @Nullable List<Job.Attempt> attempts) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Progress(int percent, @Nullable String message) {
    }

    public static JobView of(Job j, List<Job.Attempt> attempts) {
        return new JobView(j.id(), j.kind(), j.state().name(), j.priority(), j.runAt(), json(j.payload()),
                json(j.result()), j.idempotencyKey(), j.parentId(), j.attempt(), j.maxAttempts(),
                new Progress(j.progressPercent(), j.progressMessage()), j.lastError(), j.leaseOwner(),
                j.leaseExpiresAt(), j.createdAt(), j.startedAt(), j.finishedAt(), attempts);
    }

    private static @Nullable JsonNode json(@Nullable String text) {
        return text == null ? null : JSON.readTree(text);
    }
}
