package io.socialsync.jobs;

import java.util.concurrent.CancellationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a handler sees of its job: the payload, a progress reporter, and whether it should stop. */
public final class JobContext {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Job.Claimed claimed;
    private final JobQueue queue;
    private volatile boolean lost;

    JobContext(Job.Claimed claimed, JobQueue queue) {
        this.claimed = claimed;
        this.queue = queue;
    }

    public Job job() {
        return claimed.job();
    }

    public long workspaceId() {
        return claimed.job().workspaceId();
    }

    public JsonNode payload() {
        return JSON.readTree(claimed.job().payload());
    }

    public <P extends Record> P payload(JobKind<P> kind) {
        return kind.payload(claimed.job());
    }

    /** Records progress; throws if the job was cancelled or its lease was lost, so the handler stops. */
    public void progress(int percent, String message) {
        if (lost || !queue.progress(claimed, Math.max(0, Math.min(100, percent)), message)) {
            lost = true;
            throw new CancellationException("job " + claimed.id() + " was cancelled or reclaimed");
        }
    }

    /** Like {@link #progress} but for callbacks on other threads: reports loss instead of throwing. */
    public boolean tryProgress(int percent, String message) {
        try {
            progress(percent, message);
            return true;
        } catch (CancellationException e) {
            return false;
        }
    }

    public boolean stillOwned() {
        return !lost;
    }

    void markLost() {
        lost = true;
    }

    Job.Claimed claimed() {
        return claimed;
    }
}
