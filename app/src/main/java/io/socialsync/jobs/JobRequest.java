package io.socialsync.jobs;

import java.time.Instant;

/** What a caller asks the queue for. Same idempotency key in the same workspace → the same job. */
public record JobRequest(long workspaceId, String kind, Object payload, int priority, Instant runAt,
                         String idempotencyKey, Long parentId) {

    public static JobRequest of(long workspaceId, String kind, Object payload) {
        return new JobRequest(workspaceId, kind, payload, 0, null, null, null);
    }

    public JobRequest withIdempotencyKey(String key) {
        return new JobRequest(workspaceId, kind, payload, priority, runAt, key, parentId);
    }

    /** Higher runs first among the jobs due (0 by default). */
    public JobRequest withPriority(int p) {
        return new JobRequest(workspaceId, kind, payload, p, runAt, idempotencyKey, parentId);
    }

    public JobRequest at(Instant when) {
        return new JobRequest(workspaceId, kind, payload, priority, when, idempotencyKey, parentId);
    }
}
