package io.socialsync.ingest.url;

import io.socialsync.jobs.JobContext;

/** Job progress from download callbacks: written when the percentage changes or a second passed, never throwing. */
final class ThrottledProgress implements UrlIngest.Progress {
    private final JobContext ctx;
    private int lastPercent = -1;
    private long lastAt;

    ThrottledProgress(JobContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public synchronized void report(int percent, String message) {
        long now = System.nanoTime();
        int p = Math.max(0, Math.min(99, percent)); // 100 is for the job's completion
        if (p != lastPercent || now - lastAt > 1_000_000_000L) {
            lastPercent = p;
            lastAt = now;
            ctx.tryProgress(p, message);
        }
    }
}
