package io.socialsync.ingest.url.web;

import io.socialsync.ingest.url.IngestUrlHandler;
import io.socialsync.ingest.url.UrlIngestChecks;
import io.socialsync.jobs.JobQueue;
import io.socialsync.jobs.Workers;
import io.socialsync.ledger.Actor;
import io.socialsync.web.Answers;
import io.socialsync.web.Caller;
import io.socialsync.web.FieldLimits;
import io.socialsync.web.Role;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** POST /ingest {url, title?}: checks the URL now (400 when refused), downloads it in an INGEST_URL job. */
@RestController
public class IngestController {
    /** Ingest keys live in the jobs' key column, prefixed to stay apart from keys given to POST /jobs. */
    private static final String KEY_PREFIX = "ingest-";
    private final UrlIngestChecks checks;
    private final JobQueue queue;
    private final Workers workers;

    public IngestController(UrlIngestChecks checks, JobQueue queue, Workers workers) {
        this.checks = checks;
        this.queue = queue;
        this.workers = workers;
    }

    public record IngestBody(@NotBlank @Size(max = 2000) String url, @Size(max = 500) String title) {
    }

    public record IngestAccepted(long jobId, String state, boolean duplicate) {
    }

    @PostMapping("/ingest")
    @Operation(summary = "Ingest a video from a URL (direct media, or a video-site page through yt-dlp); 202 + job")
    @Answers(202)
    ResponseEntity<IngestAccepted> ingest(Caller caller, @Valid @RequestBody IngestBody body,
                                          @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        caller.require(Role.EDITOR);
        FieldLimits.bounded("Idempotency-Key", key, FieldLimits.IDEMPOTENCY_KEY - KEY_PREFIX.length());
        checks.check(body.url());
        var request = IngestUrlHandler.JOB.request(caller.workspaceId(),
                IngestUrlHandler.Payload.of(body.url(), body.title()))
                .withIdempotencyKey(key == null ? null : KEY_PREFIX + key);
        var enqueued = queue.enqueueRequest(request, Actor.of(caller));
        if (enqueued.created()) {
            workers.wakeUp();
        }
        var job = enqueued.job();
        return ResponseEntity.accepted().location(URI.create("/jobs/" + job.id()))
                .body(new IngestAccepted(job.id(), job.state().name(), !enqueued.created()));
    }
}
