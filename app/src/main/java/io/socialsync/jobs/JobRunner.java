package io.socialsync.jobs;

import io.socialsync.config.SocialSyncProperties;
import io.socialsync.domain.Errors;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs one claimed job through its handler under a timeout watchdog and records the outcome, fenced by the
 * lease token. Used by the node's workers and by the development endpoint that runs a job right now.
 */
@Component
public class JobRunner implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private final JobQueue queue;
    private final BatchCompleter completer;
    private final JobKinds kinds;
    private final JobMetrics metrics;
    private final String name;
    private final Map<Long, Execution> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdogs =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("jobs-watchdog").factory());

    public JobRunner(JobQueue queue, BatchCompleter completer, JobKinds kinds, JobMetrics metrics,
                     SocialSyncProperties properties) {
        this.queue = queue;
        this.completer = completer;
        this.kinds = kinds;
        this.metrics = metrics;
        String configured = properties.jobs().workerName();
        this.name = configured != null ? configured : defaultName();
    }

    record Execution(JobContext context, Thread thread) {
    }

    /** This process's name in leases and attempt history. */
    public String name() {
        return name;
    }

    /** Runs on the calling thread; returns the outcome label (completed, failed, timed_out, cancelled, discarded). */
    public String run(Job.Claimed claimed) {
        JobHandler handler = kinds.handler(claimed.job().kind());
        var context = new JobContext(claimed, queue);
        var timedOut = new AtomicBoolean();
        Thread self = Thread.currentThread();
        running.put(claimed.id(), new Execution(context, self));
        var watchdog = watchdogs.schedule(() -> {
            timedOut.set(true);
            self.interrupt();
        }, handler.spec().timeout().toMillis(), TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        String outcome = "completed";
        try {
            Object result = handler.run(context);
            watchdog.cancel(false);
            Thread.interrupted();
            if (!context.stillOwned() || !completed(claimed, result)) {
                outcome = "discarded";
                log.info("Job {} finished after its lease was lost; result discarded", claimed.id());
            }
        } catch (Throwable failure) {
            watchdog.cancel(false);
            Thread.interrupted();
            outcome = failed(claimed, handler, context, timedOut.get(), failure);
        } finally {
            running.remove(claimed.id());
            metrics.finished(claimed.job().kind(), outcome, System.nanoTime() - started);
        }
        return outcome;
    }

    /** Through the node's batch completer: this thread waits for the flush that records it (a few ms at most). */
    private boolean completed(Job.Claimed claimed, Object result) {
        try {
            return completer.complete(claimed, result, name).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private String failed(Job.Claimed claimed, JobHandler handler, JobContext context, boolean timedOut,
                          Throwable failure) {
        if (!context.stillOwned() && !timedOut) {
            log.info("Job {} stopped after its lease was lost (cancelled or reclaimed); outcome discarded",
                    claimed.id());
            return "cancelled";
        }
        String error = timedOut ? "timed out after " + handler.spec().timeout() : Errors.oneLine(failure);
        boolean permanent = failure instanceof JobFailure;
        if (!permanent && !timedOut) {
            log.warn("Job {} ({}) failed: {}", claimed.id(), handler.spec().kind(), error, failure);
        }
        queue.fail(claimed, error, permanent, name);
        return timedOut ? "timed_out" : "failed";
    }

    Collection<Execution> running() {
        return running.values();
    }

    @Override
    public void destroy() {
        watchdogs.shutdownNow();
    }

    private static String defaultName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
