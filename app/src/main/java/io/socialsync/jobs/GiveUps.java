package io.socialsync.jobs;

import io.socialsync.ledger.Actor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells a job's handler that the job failed for good ({@link JobHandler#onGaveUp}) or was cancelled
 * ({@link JobHandler#onCancelled}), inside the queue's transaction
 * but under a savepoint: a hook that breaks must not keep the job RUNNING (the reaper would meet it again and
 * again), so its writes are undone and the failure stands.
 */
@Component
class GiveUps {
    private static final Logger log = LoggerFactory.getLogger(GiveUps.class);
    private final JobKinds kinds;
    private final TransactionTemplate savepoint;

    GiveUps(JobKinds kinds, PlatformTransactionManager transactions) {
        this.kinds = kinds;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    void gaveUp(Job job, String reason) {
        try {
            savepoint.executeWithoutResult(status -> kinds.handler(job.kind()).onGaveUp(job, reason));
        } catch (RuntimeException e) {
            log.warn("Job {} ({}) failed for good and its handler could not record it: {}", job.id(), job.kind(),
                    e.toString(), e);
        }
    }

    void cancelled(Job job, Actor actor) {
        try {
            savepoint.executeWithoutResult(status -> kinds.handler(job.kind()).onCancelled(job, actor));
        } catch (RuntimeException e) {
            log.warn("Job {} ({}) was cancelled and its handler could not record it: {}", job.id(), job.kind(),
                    e.toString(), e);
        }
    }
}
