package io.socialsync.meta.downloads;

import io.socialsync.config.SocialSyncProperties.Roles;
import io.socialsync.config.SocialSyncProperties;
import io.socialsync.jobs.JobQueue;
import io.socialsync.jobs.Workers;
import io.socialsync.ledger.Actor;
import io.socialsync.node.PeriodicTask;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * Every {@code socialsync.meta.download-interval} on nodes with the scheduler role: one batch job per workspace
 * that has candidates. The idempotency key names the interval slot, so schedulers on several nodes (or a restart
 * within the slot) enqueue each workspace's batch once.
 */
@Service
public class MediaDownloadSchedule implements PeriodicTask.Owner {
    private final MediaStates states;
    private final MediaDownloadHandler handler;
    private final JobQueue queue;
    private final Workers workers;
    private final SocialSyncProperties properties;
    private final Clock clock;

    public MediaDownloadSchedule(MediaStates states, MediaDownloadHandler handler, JobQueue queue, Workers workers,
                                 SocialSyncProperties properties, Clock clock) {
        this.states = states;
        this.handler = handler;
        this.queue = queue;
        this.workers = workers;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public PeriodicTask periodic() {
        return PeriodicTask.of("Queueing Meta media download batches", Roles::scheduler,
                properties.meta().downloadInterval(), this::enqueueAll, "Queued {} Meta media download batch(es)");
    }

    /** @return how many batch jobs were newly created */
    public int enqueueAll() {
        Instant now = clock.instant();
        long slot = now.toEpochMilli() / Math.max(1, properties.meta().downloadInterval().toMillis());
        int created = 0;
        for (long ws : states.workspacesWithCandidates(now, handler.stale(now))) {
            created += enqueue(ws, "meta-media-batch-" + slot).created() ? 1 : 0;
        }
        workers.wakeUp();
        return created;
    }

    /** One batch for one workspace, now (also what tests and operators use). */
    public JobQueue.Enqueued enqueue(long workspaceId, String idempotencyKey) {
        var request = MediaDownloadHandler.request(workspaceId, MediaDownloadHandler.Payload.nextBatch())
                .withIdempotencyKey(idempotencyKey);
        var enqueued = queue.enqueue(request, Actor.SYSTEM);
        workers.wakeUp();
        return enqueued;
    }
}
