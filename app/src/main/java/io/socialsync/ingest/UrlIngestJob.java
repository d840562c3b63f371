package io.socialsync.ingest;

import io.socialsync.ingest.url.IngestUrlHandler;
import io.socialsync.jobs.Job;
import io.socialsync.jobs.JobRequest;

/**
 * The INGEST_URL job as other features (the CLI, the web app) ask for it and read it back, without reaching into
 * ingest's url package.
 */
public final class UrlIngestJob {
    public static final String KIND = IngestUrlHandler.KIND;

    /** What a queued download was asked for. */
    public record Requested(String url, String title) {
    }

    private UrlIngestJob() {
    }

    public static JobRequest request(long workspaceId, String url, String title) {
        return IngestUrlHandler.JOB.request(workspaceId, IngestUrlHandler.Payload.of(url, title));
    }

    public static Requested requested(Job job) {
        var payload = IngestUrlHandler.JOB.payload(job);
        return new Requested(payload.url(), payload.title());
    }
}
