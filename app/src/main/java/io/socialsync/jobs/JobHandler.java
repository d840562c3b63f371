package io.socialsync.jobs;

import io.socialsync.ledger.Actor;

/**
 * One class per job kind, with its own {@link JobSpec}. A handler must be idempotent: a job runs at least once,
 * and again after a worker dies mid-way.
 */
public interface JobHandler {

    JobSpec spec();

    /** @return the result, stored as JSON on the job (null for none) */
    Object run(JobContext context) throws Exception;

    /**
     * The job failed for good (attempts spent, a {@link JobFailure}, or its lease reaped when spent): leave what it
     * worked on in a state a person can act on. Called in the transaction that marks the job FAILED, on whichever
     * node records it (possibly not the one that ran it), under a savepoint: what this throws is logged and
     * undone without undoing the failure itself.
     *
     * @param reason the job's error as users see it (no server paths)
     */
    default void onGaveUp(Job job, String reason) {
    }

    /**
     * A person cancelled the job before it ended: leave what it worked on in a state that says so and that a person
     * can start again. Called like {@link #onGaveUp}: in the cancelling transaction, under a savepoint. A running
     * job's worker may still write until it notices (its next progress report); its result is discarded.
     */
    default void onCancelled(Job job, Actor actor) {
    }
}
