package io.socialsync.edit.web;

import io.socialsync.domain.Invalid;
import io.socialsync.edit.EditRequest;
import io.socialsync.edit.EditRequests;
import io.socialsync.edit.UrlDownloads;
import io.socialsync.jobs.JobQueue;
import io.socialsync.jobs.Workers;
import io.socialsync.jobs.web.JobView;
import io.socialsync.ledger.Actor;
import io.socialsync.web.Answers;
import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seed MoviePy service's edit endpoints, as jobs: each answers 202 with the job; the finished job's result
 * carries {@code asset_url}. {@code Prefer: wait=N} (RFC 7240) answers the result itself when done in time. An {@code Idempotency-Key} header makes a retried request return the same job.
 */
@RestController
public class EditController {
    private final EditRequests requests;
    private final UrlDownloads urls;
    private final Workers workers;
    private final JobQueue jobs;

    public EditController(EditRequests requests, UrlDownloads urls, Workers workers, JobQueue jobs) {
        this.jobs = jobs;
        this.requests = requests;
        this.urls = urls;
        this.workers = workers;
    }

    @PostMapping("/process/video/trim")
    @Operation(summary = "Cut [start, end) out of a video (accurate re-encode, or keyframe copy)")
    @Answers({202, 200})
    ResponseEntity<?> trim(Caller caller, @RequestBody TrimBody body,
                                 @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                 @RequestHeader(value = "Prefer", required = false) String prefer) {
        return submit(caller, body.validated(urls, checked(key)), prefer);
    }

    @PostMapping("/process/video/add_text")
    @Operation(summary = "Overlay text (any script) at a position, size, colour and time range")
    @Answers({202, 200})
    ResponseEntity<?> addText(Caller caller, @RequestBody AddTextBody body,
                                    @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                 @RequestHeader(value = "Prefer", required = false) String prefer) {
        return submit(caller, body.validated(urls, checked(key)), prefer);
    }

    @PostMapping("/process/video/concatenate")
    @Operation(summary = "Join videos of any size and rate into one, normalised to the first or a platform format")
    @Answers({202, 200})
    ResponseEntity<?> concatenate(Caller caller, @RequestBody ConcatBody body,
                                        @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                 @RequestHeader(value = "Prefer", required = false) String prefer) {
        return submit(caller, body.validated(urls, checked(key)), prefer);
    }

    private static String checked(String key) {
        if (key != null && (key.isBlank() || key.length() > 200)) {
            throw Invalid.field("Idempotency-Key", "must be 1 to 200 characters");
        }
        return key;
    }

    /**
     * 202 with the job; with {@code Prefer: wait=N}, the finished job's result itself (the seed's
     * {@code {"status": "completed", "asset_url": …}}, plus {@code job_id}) when it ends within N seconds.
     */
    private ResponseEntity<?> submit(Caller caller, EditRequest request, String prefer) {
        caller.require(Role.EDITOR);
        var job = requests.submit(caller.workspaceId(), request, Actor.of(caller));
        workers.wakeUp();
        var wait = PreferWait.of(prefer);
        if (wait.isPresent()) {
            try {
                job = jobs.awaitEnd(caller.workspaceId(), job.id(), wait.get().duration());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        var answer = ResponseEntity.status(job.state().terminal() ? HttpStatus.OK : HttpStatus.ACCEPTED);
        wait.ifPresent(w -> answer.header("Preference-Applied", w.applied()));
        return job.state().terminal() ? answer.body(FinishedEdit.of(job)) : answer.body(JobView.of(job, null));
    }
}
