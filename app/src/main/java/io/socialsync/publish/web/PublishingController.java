package io.socialsync.publish.web;

import io.socialsync.domain.Conflict;
import io.socialsync.domain.Invalid;
import io.socialsync.domain.NotFound;
import io.socialsync.ledger.Actor;
import io.socialsync.library.Clips;
import io.socialsync.publish.Publications;
import io.socialsync.publish.Publication;
import io.socialsync.publish.PublishRuns;
import io.socialsync.publish.runs.MediaSource;
import io.socialsync.publish.scheduling.PublicationLifecycle;
import io.socialsync.publish.scheduling.Rescheduling;
import io.socialsync.publish.scheduling.ScheduleOutcome;
import io.socialsync.publish.scheduling.SchedulerTick;
import io.socialsync.publish.scheduling.SchedulingService;
import io.socialsync.publish.scheduling.When;
import io.socialsync.web.Answers;
import io.socialsync.web.ApiException;
import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
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

/** The seed's scheduler API: schedule (one or a batch), list per clip, tick; plus cancel and reschedule. */
@RestController
@RequestMapping("/publishing")
public class PublishingController {
    private final SchedulingService scheduling;
    private final Rescheduling rescheduling;
    private final PublicationLifecycle lifecycle;
    private final SchedulerTick tick;
    private final Publications publications;
    private final Clips clips;
    private final PublishRuns runs;
    private final MediaSource media;

    public PublishingController(SchedulingService scheduling, Rescheduling rescheduling,
                                PublicationLifecycle lifecycle, SchedulerTick tick, Publications publications,
                                Clips clips, PublishRuns runs, MediaSource media) {
        this.scheduling = scheduling;
        this.rescheduling = rescheduling;
        this.lifecycle = lifecycle;
        this.tick = tick;
        this.publications = publications;
        this.clips = clips;
        this.runs = runs;
        this.media = media;
    }

    @PostMapping("/schedule")
    @Operation(summary = "Schedule a clip on an account: 201 scheduled (maybe adjusted to the window and gap), "
            + "200 rejected with the reason, or 200 again for a repeated idempotency key")
    @Answers({201, 200})
    ResponseEntity<ScheduleResponse> schedule(Caller caller, @RequestBody ScheduleBody body,
                                              @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        caller.require(Role.EDITOR);
        var request = body.validated(key);
        ScheduleOutcome outcome;
        try {
            outcome = scheduling.schedule(caller.workspaceId(), request, Actor.of(caller));
        } catch (DuplicateKeyException raced) {
            throw new Conflict("idempotency key '" + request.idempotencyKey() + "' is being used by a "
                    + "concurrent request; retry to get its answer");
        }
        if (request.when() instanceof When.Now && outcome instanceof ScheduleOutcome.Scheduled s && s.created()) {
            outcome = postNow(caller, s); // committed: the tick queues it at once, as the seed's immediate did
        }
        boolean created = outcome instanceof ScheduleOutcome.Scheduled s && s.created();
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(ScheduleResponse.of(outcome));
    }

    @PostMapping("/schedule/batch")
    @Operation(summary = "Schedule up to 500 requests in order, in one transaction, each planned around the ones "
            + "before it: one result per item (a rejected item does not undo the others); a malformed item or more "
            + "than 500 is a 400 that schedules nothing")
    BatchResponse batch(Caller caller, @RequestBody BatchBody body) {
        caller.require(Role.EDITOR);
        var requests = body.validated();
        try {
            var outcomes = scheduling.scheduleAll(caller.workspaceId(), requests, Actor.of(caller));
            if (requests.stream().anyMatch(r -> r.when() instanceof When.Now)) {
                tick.tick(caller.workspaceId(), false, Actor.of(caller));
            }
            return BatchResponse.of(outcomes);
        } catch (DuplicateKeyException raced) {
            throw new Conflict("an idempotency key of this batch is being used by a concurrent request; "
                    + "nothing was scheduled: retry the batch to get its answers");
        }
    }

    private ScheduleOutcome postNow(Caller caller, ScheduleOutcome.Scheduled s) {
        tick.tick(caller.workspaceId(), false, Actor.of(caller));
        var now = lifecycle.get(caller.workspaceId(), s.publication().id());
        return new ScheduleOutcome.Scheduled(now, s.reason(), s.adjustments(), s.warnings(), true);
    }

    @GetMapping("/schedule/{clip_id}")
    @Operation(summary = "Every publication of a clip, oldest first")
    List<PublicationView> ofClip(Caller caller, @PathVariable("clip_id") long clipId) {
        clips.byId(caller.workspaceId(), clipId).orElseThrow(() -> new NotFound("clip", clipId));
        return publications.ofClip(caller.workspaceId(), clipId).stream()
                .map(p -> view(caller, p)).toList();
    }

    @GetMapping("/{id}")
    PublicationView get(Caller caller, @PathVariable long id) {
        return view(caller, lifecycle.get(caller.workspaceId(), id));
    }

    private PublicationView view(Caller caller, Publication p) {
        return PublicationView.of(p, runs.resultOf(caller.workspaceId(), p.id()).orElse(null), media.status(p));
    }

    @PostMapping("/scheduler/tick")
    @Operation(summary = "Queue this workspace's due publications now (the server also does this every minute); "
            + "dry_run=true only lists them")
    SchedulerTick.Result tick(Caller caller, @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun) {
        caller.require(Role.EDITOR);
        return tick.tick(caller.workspaceId(), dryRun, Actor.of(caller));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a scheduled or queued publication (its job too); cancelling twice is harmless")
    PublicationView cancel(Caller caller, @PathVariable long id) {
        caller.require(Role.EDITOR);
        var p = lifecycle.cancel(caller.workspaceId(), id, Actor.of(caller));
        return PublicationView.of(p, null, media.status(p));
    }

    public record RescheduleBody(String scheduledFor, java.time.Instant scheduledWindowEnd) {
    }

    @PostMapping("/{id}/reschedule")
    @Operation(summary = "Move a scheduled or queued publication; planned with the current windows and gaps")
    ScheduleResponse reschedule(Caller caller, @PathVariable long id, @RequestBody RescheduleBody body) {
        caller.require(Role.EDITOR);
        var when = ScheduleBody.when(body.scheduledFor(), new Invalid.Collector());
        var r = rescheduling.reschedule(caller.workspaceId(), id, when, body.scheduledWindowEnd(), Actor.of(caller));
        return ScheduleResponse.scheduled(r.publication(), r.reason(), r.adjustments(), r.warnings());
    }
}
