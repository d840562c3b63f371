package io.socialsync.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * This node's completer: finished jobs are recorded together, {@link JobQueue#completeAll} once per flush, instead of
 * one transaction (and one ledger head lock) per job. A flush takes what is waiting, up to {@link #MAX_BATCH}, and
 * waits at most {@link #MAX_WAIT_MILLIS} after the first completion for more: a lone job costs that much latency,
 * a busy node writes ~100 completions per transaction. Every completion is still fenced by its own lease token and
 * commits with its ledger event. A flush that fails is retried job by job, so one bad row cannot fail the others;
 * what fails then too stays RUNNING and is retried after its lease expires, as after a crash.
 */
@Component
public class BatchCompleter implements DisposableBean {
    static final int MAX_BATCH = 100;
    static final long MAX_WAIT_MILLIS = 2;
    private static final Logger log = LoggerFactory.getLogger(BatchCompleter.class);
    private final JobQueue queue;
    private final LinkedBlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final Object startLock = new Object();
    private volatile Thread flusher;
    private volatile boolean stopped;

    public BatchCompleter(JobQueue queue) {
        this.queue = queue;
    }

    private record Pending(Job.Claimed claimed, Object result, String worker, CompletableFuture<Boolean> done) {
    }

    /**
     * Completes a job in the next flush.
     *
     * @return whether it was completed (false: its lease was lost, the result discarded); fails when it could not be
     * recorded
     */
    public CompletableFuture<Boolean> complete(Job.Claimed claimed, Object result, String worker) {
        if (stopped) { // shutting down: no flusher to wait for
            return CompletableFuture.completedFuture(queue.complete(claimed, result, worker));
        }
        var pending = new Pending(claimed, result, worker, new CompletableFuture<>());
        waiting.add(pending);
        startFlusher();
        if (stopped) { // stopped meanwhile: the flusher may be gone, so whatever is left is done here
            for (Pending left; (left = waiting.poll()) != null; ) {
                oneByOne(left);
            }
        }
        return pending.done();
    }

    private void startFlusher() {
        if (flusher == null) {
            synchronized (startLock) {
                if (flusher == null && !stopped) {
                    flusher = Thread.ofPlatform().daemon().name("jobs-completer").start(this::run);
                }
            }
        }
    }

    private void run() {
        var batch = new ArrayList<Pending>(MAX_BATCH);
        while (!stopped || !waiting.isEmpty()) {
            try {
                Pending first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);
                while (batch.size() < MAX_BATCH) {
                    waiting.drainTo(batch, MAX_BATCH - batch.size());
                    long left = deadline - System.nanoTime();
                    if (batch.size() >= MAX_BATCH || left <= 0) {
                        break;
                    }
                    Pending next = waiting.poll(left, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
            } catch (InterruptedException e) {
                if (batch.isEmpty()) {
                    continue; // stop() interrupts: the loop drains what is left, then ends
                }
            }
            flush(batch);
            batch.clear();
        }
    }

    /** One transaction per worker name in the batch (a node has one; the ledger actor is the worker). */
    void flush(List<Pending> batch) {
        var byWorker = new java.util.LinkedHashMap<String, List<Pending>>();
        batch.forEach(p -> byWorker.computeIfAbsent(p.worker(), w -> new ArrayList<>()).add(p));
        byWorker.forEach((worker, group) -> {
            List<Boolean> done;
            try {
                done = queue.completeAll(group.stream()
                        .map(p -> new JobQueue.Completion(p.claimed(), p.result())).toList(), worker);
            } catch (RuntimeException e) {
                log.warn("A batch of {} completions failed ({}); completing them one by one", group.size(),
                        e.toString());
                group.forEach(this::oneByOne);
                return;
            }
            for (int i = 0; i < group.size(); i++) {
                group.get(i).done().complete(done.get(i));
            }
        });
    }

    private void oneByOne(Pending p) {
        try {
            p.done().complete(queue.complete(p.claimed(), p.result(), p.worker()));
        } catch (RuntimeException e) {
            p.done().completeExceptionally(e);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        stopped = true;
        Thread t = flusher;
        if (t != null) {
            t.join(10_000); // what was handed over is flushed before the context closes
        }
    }
}
