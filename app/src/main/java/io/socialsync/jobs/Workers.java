package io.socialsync.jobs;

import io.socialsync.config.SocialSyncProperties;
import io.socialsync.domain.Errors;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's workers (when the process runs the workers role): one poller claims due jobs for every kind
 * with free slots, each job runs on its own virtual thread; a heartbeat renews the leases of running jobs and
 * stops any whose lease was lost (cancelled or reclaimed); a reaper returns jobs of dead workers to the queue.
 */
@Component
public class Workers implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(Workers.class);
    private final JobQueue queue;
    private final JobKinds kinds;
    private final JobRunner runner;
    private final SocialSyncProperties.Jobs settings;
    private final boolean enabled;
    private final Concurrency concurrency;
    private final QueueOutage outage;
    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();
    private final Object wakeUp = new Object();
    private ScheduledExecutorService timers;
    private Thread poller;
    private volatile boolean stopping;

    public Workers(JobQueue queue, JobKinds kinds, JobRunner runner, SocialSyncProperties properties,
                   QueueOutage outage) {
        this.queue = queue;
        this.kinds = kinds;
        this.runner = runner;
        this.settings = properties.jobs();
        this.enabled = properties.roles().workers();
        this.concurrency = Concurrency.parse(settings.concurrency());
        this.outage = outage;
        for (var spec : kinds.all()) {
            if (settings.kinds() == null || settings.kinds().isEmpty() || settings.kinds().contains(spec.kind())) {
                slots.put(spec.kind(), new Semaphore(concurrency.of(spec)));
            }
        }
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        // start after stop happens (Spring pauses a cached test context, then starts it again): poll again, and
        // keep the semaphores (made once) jobs still running from before the stop will release
        stopping = false;
        timers = Executors.newScheduledThreadPool(1, Thread.ofPlatform().daemon().name("jobs-timer").factory());
        long beat = Math.max(100, settings.lease().toMillis() / 3);
        timers.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        long reap = settings.reaperInterval().toMillis();
        timers.scheduleWithFixedDelay(this::reap, reap, reap, TimeUnit.MILLISECONDS);
        poller = Thread.ofPlatform().name("jobs-poller").start(this::poll);
        log.info("Worker '{}' running job kinds {}{}", runner.name(), slots.keySet(),
                concurrency.overrides().isEmpty() ? "" : ", concurrency " + concurrency.overrides());
    }

    /** Lets a local enqueue start its job now instead of at the next poll. */
    public void wakeUp() {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    private void poll() {
        while (!stopping) {
            Duration wait = pollOnce();
            try {
                if (outage.down().isPresent()) {
                    Thread.sleep(wait); // no wake-ups: nothing local can be enqueued while the database is away
                } else if (!wait.isZero()) {
                    synchronized (wakeUp) {
                        wakeUp.wait(wait.toMillis());
                    }
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * One round of claims for every kind with free slots. @return how long to wait before the next: nothing after
     * a claim, the poll interval when nothing was due, the outage's backoff when the database could not be reached
     */
    Duration pollOnce() {
        int claimed = 0;
        try {
            for (var entry : slots.entrySet()) {
                claimed += claimFor(entry.getKey(), entry.getValue());
            }
        } catch (RuntimeException e) {
            return outage.unreachable(e);
        }
        outage.reachable();
        return claimed > 0 ? Duration.ZERO : settings.pollInterval();
    }

    private int claimFor(String kind, Semaphore free) {
        int available = free.availablePermits();
        if (available == 0 || !free.tryAcquire(available)) {
            return 0;
        }
        List<Job.Claimed> jobs;
        try {
            jobs = queue.claim(runner.name(), List.of(kind), available, settings.lease());
        } catch (RuntimeException e) {
            free.release(available);
            throw e;
        }
        free.release(available - jobs.size());
        for (Job.Claimed job : jobs) {
            Thread.ofVirtual().name("job-" + job.id()).start(() -> {
                try {
                    runner.run(job);
                } finally {
                    free.release();
                    wakeUp();
                }
            });
        }
        return jobs.size();
    }

    private void heartbeat() {
        for (var execution : runner.running()) {
            try {
                if (!queue.renew(execution.context().claimed(), settings.lease())) {
                    execution.context().markLost();
                    execution.thread().interrupt();
                }
            } catch (RuntimeException e) {
                quietDuringOutage("Lease renewal failed: {}", e);
            }
        }
    }

    private void reap() {
        try {
            int reaped = queue.reapExpiredLeases(100);
            if (reaped > 0) {
                log.info("Returned {} job(s) of unresponsive workers to the queue", reaped);
                wakeUp();
            }
        } catch (RuntimeException e) {
            quietDuringOutage("Reaping expired leases failed: {}", e);
        }
    }

    /** The outage is logged once, by {@link QueueOutage}; the timers' failures during it say nothing new. */
    private void quietDuringOutage(String message, RuntimeException e) {
        if (outage.down().isPresent()) {
            log.debug(message, Errors.oneLine(e));
        } else {
            log.warn(message, Errors.oneLine(e));
        }
    }

    @Override
    public void stop() {
        stopping = true;
        if (poller != null) {
            poller.interrupt();
        }
        if (timers != null) {
            timers.shutdownNow();
        }
        // running jobs keep their leases until they expire; another node (or this one, restarted) reclaims them
    }

    @Override
    public boolean isRunning() {
        return poller != null && !stopping;
    }
}
