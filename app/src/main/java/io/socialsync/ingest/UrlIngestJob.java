package io.socialsync.ingest;

import io.socialsync.ingest.url.IngestUrlHandler;
import io.socialsync.jobs.JobRequest;

/** The INGEST_URL job as another feature (the CLI) asks for it, without reaching into ingest's url package. */
public final class UrlIngestJob {
    public static final String KIND = IngestUrlHandler.KIND;

    private UrlIngestJob() {
    }

    public static JobRequest request(long workspaceId, String url, String title) {
        return IngestUrlHandler.JOB.request(workspaceId, IngestUrlHandler.Payload.of(url, title));
    }
}
