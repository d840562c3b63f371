package io.socialsync.publish.scheduling;

import io.socialsync.config.SocialSyncProperties.Roles;
import io.socialsync.config.SocialSyncProperties;
import io.socialsync.jobs.JobQueue;
import io.socialsync.jobs.Workers;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.LedgerEvent;
import io.socialsync.node.PeriodicTask;
import io.socialsync.publish.Publication;
import io.socialsync.publish.PublicationState;
import io.socialsync.publish.Publications;
import io.socialsync.publish.PublishEvents;
import io.socialsync.publish.runs.PublishHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The seed's tick: due SCHEDULED publications become PENDING, each with a PUBLISH job and a
 * {@code publish_scheduled_enqueued} event, in batches of one transaction each. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so ticks on several nodes at once split the work and never move a row twice.
 * Runs by itself every {@code socialsync.publishing.tick-interval} on nodes with the scheduler role.
 */
@Service
public class SchedulerTick implements PeriodicTask.Owner {
    private final Publications rows;
    private final JobQueue queue;
    private final Workers workers;
    private final PublishEvents events;
    private final PublisherChoice choice;
    private final TransactionTemplate tx;
    private final SocialSyncProperties properties;
    private final Clock clock;

    public SchedulerTick(Publications rows, JobQueue queue, Workers workers, PublishEvents events,
                         PublisherChoice choice, TransactionTemplate tx, SocialSyncProperties properties,
                         Clock clock) {
        this.rows = rows;
        this.queue = queue;
        this.workers = workers;
        this.events = events;
        this.choice = choice;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    public record Result(int moved, boolean dryRun, List<String> logIds) {
    }

    @Override
    public PeriodicTask periodic() {
        return PeriodicTask.of("Scheduler tick", Roles::scheduler, properties.publishing().tickInterval(),
                () -> tick(null, false, Actor.SYSTEM).moved(), "Scheduler tick queued {} publication(s)");
    }

    /** @param workspaceId null: every workspace (the automatic tick); otherwise the caller's only */
    public Result tick(Long workspaceId, boolean dryRun, Actor actor) {
        Instant now = clock.instant();
        int batch = Math.max(1, properties.publishing().tickBatch());
        if (dryRun) {
            var ids = rows.due(workspaceId, now, Integer.MAX_VALUE).stream().map(String::valueOf).toList();
            return new Result(ids.size(), true, ids);
        }
        List<String> moved = new ArrayList<>();
        List<String> last;
        do {
            last = tx.execute(status -> moveBatch(workspaceId, now, batch, actor));
            moved.addAll(last);
        } while (last.size() == batch);
        return new Result(moved.size(), false, moved);
    }

    private List<String> moveBatch(Long workspaceId, Instant now, int limit, Actor actor) {
        List<String> ids = new ArrayList<>();
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        var due = rows.lockDue(workspaceId, now, limit);
        var external = choice.external(due);
        // an orchestrator's post waits in PENDING for GET /publishing/next; ours gets a PUBLISH job
        var ours = due.stream().filter(p -> !external.contains(p.id())).toList();
        var jobs = queue.enqueueAll(ours.stream().map(p -> PublishHandler.JOB.request(p.workspaceId(),
                new PublishHandler.Payload(p.id()))).toList(), actor);
        var jobOf = new HashMap<Long, Long>();
        for (int i = 0; i < ours.size(); i++) {
            jobOf.put(ours.get(i).id(), jobs.get(i));
        }
        var enqueued = new ArrayList<LedgerEvent.New>(due.size());
        for (Publication p : due) {
            Long jobId = jobOf.get(p.id());
            String publisher = jobId == null ? PublisherChoice.EXTERNAL : PublisherChoice.INTERNAL;
            rows.transition(p, PublicationState.PENDING, at, jobId, null);
            var payload = PublishEvents.base(p);
            payload.put("scheduled_for", p.scheduledFor().toString());
            payload.put("enqueued_at", at.toString());
            payload.put("job_id", jobId);
            payload.put("publisher", publisher);
            enqueued.add(PublishEvents.event(p, jobId, actor, EventType.PUBLISH_SCHEDULED_ENQUEUED, payload));
            ids.add(String.valueOf(p.id()));
        }
        choice.fixAll(ours, PublisherChoice.INTERNAL);
        choice.fixAll(due.stream().filter(p -> external.contains(p.id())).toList(), PublisherChoice.EXTERNAL);
        events.recordAll(enqueued); // one lock of the ledger's head per batch, not one per post
        if (!ids.isEmpty()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    workers.wakeUp(); // the jobs are visible only now
                }
            });
        }
        return ids;
    }
}
