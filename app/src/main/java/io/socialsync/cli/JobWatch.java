package io.socialsync.cli;

import io.socialsync.jobs.Job;
import io.socialsync.jobs.JobQueue;

/** Shows a running job's recorded progress on a {@link ProgressBar}, polling its row, until closed. */
final class JobWatch implements AutoCloseable {
    private final Thread thread;

    private JobWatch(Thread thread) {
        this.thread = thread;
    }

    static JobWatch start(JobQueue queue, Job job, ProgressBar bar) {
        return new JobWatch(Thread.ofPlatform().daemon().name("job-watch").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                queue.find(job.workspaceId(), job.id())
                        .ifPresent(j -> bar.update(j.progressPercent() / 100.0, j.progressMessage()));
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }));
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(2000);
    }
}
