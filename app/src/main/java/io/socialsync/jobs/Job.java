package io.socialsync.jobs;

import java.time.Instant;

/** A row of the jobs table. Payload and result are JSON text. */
public record Job(long id, long workspaceId, String kind, JobState state, int priority, Instant runAt,
                  String payload, String result, String idempotencyKey, Long parentId, int attempt,
                  int maxAttempts, int progressPercent, String progressMessage, String leaseOwner,
                  Instant leaseExpiresAt, String lastError, Instant createdAt, Instant startedAt,
                  Instant finishedAt) {

    /** A job this worker now holds: the token fences every later write against a reclaimed job. */
    public record Claimed(Job job, String leaseToken) {
        public long id() {
            return job.id();
        }
    }

    /** One run of a job on one worker, kept forever as its history. */
    public record Attempt(int attempt, String worker, Instant startedAt, Instant finishedAt, String outcome,
                          String error) {
    }
}
