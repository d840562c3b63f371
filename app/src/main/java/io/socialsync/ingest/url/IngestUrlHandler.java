package io.socialsync.ingest.url;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.socialsync.config.SocialSyncProperties;
import io.socialsync.jobs.JobContext;
import io.socialsync.jobs.JobFailure;
import io.socialsync.jobs.JobHandler;
import io.socialsync.jobs.JobKind;
import io.socialsync.jobs.JobSpec;
import io.socialsync.ledger.Actor;
import io.socialsync.net.UrlGuard;
import java.time.Duration;
import java.util.LinkedHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * INGEST_URL {url, title?}: downloads the URL into the library ({@link UrlIngest}). A refused URL or a permanent
 * answer (4xx, not a video, yt-dlp missing or failing) fails at once; network trouble is retried with backoff.
 * Running twice is harmless: the same content is the same Video.
 */
@Component
public class IngestUrlHandler implements JobHandler {
    public static final String KIND = "INGEST_URL";
    public static final JobKind<Payload> JOB = JobKind.of(KIND, Payload.class);

    /** The URL to fetch and an optional title; both as the caller gave them, stripped, a blank title left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Payload(String url, String title) {
        public static Payload of(String url, String title) {
            return new Payload(url.strip(), title == null || title.isBlank() ? null : title.strip());
        }
    }

    private final ObjectProvider<UrlIngest> ingest;
    private final Duration timeout;

    /** UrlIngest is looked up when a job runs: it needs the queue (via the library), which needs every handler. */
    public IngestUrlHandler(ObjectProvider<UrlIngest> ingest, SocialSyncProperties properties) {
        this.ingest = ingest;
        // the download's own limit, plus storing a file that may be gigabytes
        this.timeout = properties.ingest().urlTimeout().plusMinutes(15);
    }

    @Override
    public JobSpec spec() {
        return new JobSpec(KIND, 3, timeout, 2);
    }

    @Override
    public Object run(JobContext ctx) throws Exception {
        var payload = ctx.payload(JOB);
        String url = payload.url() == null ? "" : payload.url();
        String title = payload.title();
        ctx.progress(0, "connecting");
        UrlIngest.Result result;
        try {
            result = ingest.getObject().ingest(new UrlIngest.Request(ctx.workspaceId(), url, title), Actor.SYSTEM,
                    new ThrottledProgress(ctx));
        } catch (UrlGuard.Refused refused) {
            throw new JobFailure(refused.getMessage());
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("video_id", result.intake().video().id());
        out.put("duplicate", !result.intake().created());
        out.put("via", result.via());
        if (result.durationSeconds() != null) {
            out.put("duration_seconds", result.durationSeconds());
        }
        return out;
    }
}
