package io.socialsync.publish.web;

import io.socialsync.domain.Invalid;
import io.socialsync.ledger.Actor;
import io.socialsync.platforms.Platform;
import io.socialsync.publish.Publication;
import io.socialsync.publish.PublishRuns;
import io.socialsync.publish.orchestrator.Orchestrator;
import io.socialsync.web.Answers;
import io.socialsync.web.ApiException;
import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The external orchestrator's API (seeds Social-Media-Sync and Stakazo): claim, then report posted or failed. */
@RestController
public class OrchestratorController {
    static final long MAX_LEASE_SECONDS = 24 * 3600;
    private final Orchestrator orchestrator;
    private final PublishRuns runs;

    public OrchestratorController(Orchestrator orchestrator, PublishRuns runs) {
        this.orchestrator = orchestrator;
        this.runs = runs;
    }

    @GetMapping("/publishing/next")
    @Operation(summary = "Claim the next due external publication under a lease: 200 with what to post, or 204 "
            + "when nothing is due")
    @Answers({200, 204})
    ResponseEntity<ClaimView> next(Caller caller, @RequestParam(required = false) String platform,
                                   @RequestParam(name = "lease_seconds", defaultValue = "900") long leaseSeconds) {
        caller.require(Role.EDITOR);
        Platform p = platform == null || platform.isBlank() ? null : Platform.parse(platform).orElseThrow(() ->
                new Invalid("platform must be one of " + Platform.choices()));
        if (leaseSeconds < 30 || leaseSeconds > MAX_LEASE_SECONDS) {
            throw new Invalid("lease_seconds must be 30 to " + MAX_LEASE_SECONDS);
        }
        return orchestrator.next(caller.workspaceId(), p, Duration.ofSeconds(leaseSeconds), Actor.of(caller))
                .map(c -> ResponseEntity.ok(ClaimView.of(c))).orElse(ResponseEntity.noContent().build());
    }

    public record PostedBody(String externalId, String url, String leaseToken) {
    }

    public record FailedBody(String reason, Boolean retry, String leaseToken) {
    }

    @PostMapping("/publishing/{id}/posted")
    @Operation(summary = "Report a publication posted (idempotent: the same report again answers the same)")
    ReportView posted(Caller caller, @PathVariable long id, @RequestBody(required = false) PostedBody body) {
        caller.require(Role.EDITOR);
        var b = body == null ? new PostedBody(null, null, null) : body;
        return view(caller, orchestrator.posted(caller.workspaceId(), id, b.externalId(), b.url(), b.leaseToken(),
                Actor.of(caller)));
    }

    @PostMapping("/publishing/{id}/failed")
    @Operation(summary = "Report a publication failed; retry=true hands it back to the queue (idempotent)")
    ReportView failed(Caller caller, @PathVariable long id, @RequestBody(required = false) FailedBody body) {
        caller.require(Role.EDITOR);
        var b = body == null ? new FailedBody(null, null, null) : body;
        return view(caller, orchestrator.failed(caller.workspaceId(), id, b.reason(), Boolean.TRUE.equals(b.retry()),
                b.leaseToken(), Actor.of(caller)));
    }

    @PostMapping("/confirm_publish")
    @Operation(summary = "Stakazo's alias: posted or failed in one call (see docs/API.md for the accepted fields)")
    ReportView confirm(Caller caller, @RequestBody ConfirmBody body) {
        caller.require(Role.EDITOR);
        long id = body.publication();
        if (body.reportsSuccess()) {
            return view(caller, orchestrator.posted(caller.workspaceId(), id, body.externalId(), body.url(),
                    body.leaseToken(), Actor.of(caller)));
        }
        return view(caller, orchestrator.failed(caller.workspaceId(), id, body.reason(), body.wantsRetry(),
                body.leaseToken(), Actor.of(caller)));
    }

    private ReportView view(Caller caller, Publication p) {
        return ReportView.of(p, runs.resultOf(caller.workspaceId(), p.id()).orElseThrow());
    }
}
