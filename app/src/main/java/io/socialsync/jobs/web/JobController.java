package io.socialsync.jobs.web;

import io.socialsync.config.SocialSyncProperties;
import io.socialsync.domain.Conflict;
import io.socialsync.domain.NotFound;
import io.socialsync.jobs.JobQueue;
import io.socialsync.jobs.JobRequest;
import io.socialsync.jobs.JobRunner;
import io.socialsync.jobs.JobState;
import io.socialsync.jobs.Workers;
import io.socialsync.ledger.Actor;
import io.socialsync.web.Answers;
import io.socialsync.web.ApiException;
import io.socialsync.web.Caller;
import io.socialsync.web.FieldLimits;
import io.socialsync.web.Page;
import io.socialsync.web.Role;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/jobs")
public class JobController {
    private final JobQueue queue;
    private final JobRunner runner;
    private final Workers workers;
    private final SocialSyncProperties properties;

    public JobController(JobQueue queue, JobRunner runner, Workers workers, SocialSyncProperties properties) {
        this.queue = queue;
        this.runner = runner;
        this.workers = workers;
        this.properties = properties;
    }

    public record CreateJob(@NotBlank @Size(max = 64) String kind, Map<String, Object> payload, Integer priority,
                            Instant runAt, @Size(max = 200) String idempotencyKey, Long parentId) {
    }

    @PostMapping
    @Operation(summary = "Create a job; the same idempotency key returns the same job (200 instead of 201)")
    @Answers({201, 200})
    ResponseEntity<JobView> create(Caller caller, @Valid @RequestBody CreateJob body,
                                   @RequestHeader(value = "Idempotency-Key", required = false) String header) {
        caller.require(Role.EDITOR);
        String key = body.idempotencyKey() != null ? body.idempotencyKey()
                : FieldLimits.idempotencyKey("Idempotency-Key", header);
        var request = new JobRequest(caller.workspaceId(), body.kind(), body.payload(),
                body.priority() == null ? 0 : body.priority(), body.runAt(), key, body.parentId());
        var enqueued = queue.enqueueRequest(request, Actor.of(caller));
        if (enqueued.created()) {
            workers.wakeUp();
        }
        return ResponseEntity.status(enqueued.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(JobView.of(enqueued.job(), null));
    }

    @GetMapping
    Page<JobView> list(Caller caller, @RequestParam(required = false) JobState state,
                       @RequestParam(required = false) String kind, @RequestParam(required = false) Long before,
                       @RequestParam(required = false) Integer limit) {
        int size = Page.limit(limit, 50, 500);
        var jobs = queue.page(caller.workspaceId(), state, kind, before, size).stream()
                .map(j -> JobView.of(j, null)).toList();
        return Page.of(jobs, size, JobView::id);
    }

    @GetMapping("/{id}")
    JobView get(Caller caller, @PathVariable long id) {
        var job = queue.find(caller.workspaceId(), id).orElseThrow(() -> new NotFound("job", id));
        return JobView.of(job, queue.attempts(caller.workspaceId(), id));
    }

    @PostMapping("/{id}/cancel")
    JobView cancel(Caller caller, @PathVariable long id) {
        caller.require(Role.EDITOR);
        return JobView.of(queue.cancel(caller.workspaceId(), id, Actor.of(caller)), null);
    }

    @PostMapping("/{id}/retry")
    JobView retry(Caller caller, @PathVariable long id) {
        caller.require(Role.EDITOR);
        var job = queue.retry(caller.workspaceId(), id, Actor.of(caller));
        workers.wakeUp();
        return JobView.of(job, null);
    }

    @PostMapping("/process")
    @Operation(summary = "Development: run the next due job of this workspace now, in this request (admin)")
    @Answers({200, 204})
    ResponseEntity<JobView> processNext(Caller caller) {
        return process(caller, null);
    }

    @PostMapping("/{id}/process")
    @Operation(summary = "Development: run this waiting job now, in this request (admin)")
    ResponseEntity<JobView> processOne(Caller caller, @PathVariable long id) {
        return process(caller, id);
    }

    private ResponseEntity<JobView> process(Caller caller, Long id) {
        caller.require(Role.ADMIN);
        var claimed = queue.claimNow(caller.workspaceId(), id, runner.name(), properties.jobs().lease());
        if (claimed.isEmpty()) {
            if (id != null && queue.find(caller.workspaceId(), id).isEmpty()) {
                throw new NotFound("job", id);
            }
            if (id != null) {
                throw new Conflict("job " + id + " is not waiting to run");
            }
            return ResponseEntity.noContent().build();
        }
        runner.run(claimed.get());
        long jobId = claimed.get().id();
        return ResponseEntity.ok(JobView.of(queue.find(caller.workspaceId(), jobId).orElseThrow(),
                queue.attempts(caller.workspaceId(), jobId)));
    }
}
