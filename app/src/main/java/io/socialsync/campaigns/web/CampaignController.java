package io.socialsync.campaigns.web;

import io.socialsync.campaigns.CampaignReading;
import io.socialsync.campaigns.CampaignRequest;
import io.socialsync.campaigns.CampaignService;
import io.socialsync.ledger.Actor;
import io.socialsync.web.Answers;
import io.socialsync.web.Caller;
import io.socialsync.web.Page;
import io.socialsync.web.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Meta campaigns boosting the workspace's posts: editors create and steer them, viewers read them. */
@RestController
@RequestMapping("/campaigns")
public class CampaignController {
    private final CampaignService campaigns;

    public CampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    /** {@code items} oldest first; money in the ad account currency's minor units. */
    @Schema(name = "CampaignMetricsView") // insights has a MetricsView too
    public record MetricsView(long campaignId, String currency, List<CampaignReading> items) {
    }

    @PostMapping
    @Operation(summary = "Boost a post: refused before any call to Meta when it would exceed a spend cap; built "
            + "PAUSED and activated by a CAMPAIGN_SYNC job")
    @Answers({201, 200})
    ResponseEntity<CampaignView> create(Caller caller, @Valid @RequestBody CampaignBody body) {
        caller.require(Role.EDITOR);
        var post = body.post();
        var budget = body.budget();
        var t = body.targeting();
        var created = campaigns.create(caller.workspaceId(), new CampaignRequest(body.name(), post.publicationId(),
                post.platform(), post.id(), body.objective(), body.optimizationGoal(), body.billingEvent(),
                body.specialAdCategories(), budget.kind(), budget.amountMinor(), budget.currency(), body.startsAt(),
                body.endsAt(), t.countries(), t.ageMin(), t.ageMax(), t.interests(), body.idempotencyKey()),
                Actor.of(caller));
        return ResponseEntity.status(created.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(CampaignView.of(created.campaign()));
    }

    @GetMapping
    Page<CampaignView> list(Caller caller, @RequestParam(required = false) Long before,
                            @RequestParam(required = false) Integer limit) {
        caller.require(Role.VIEWER);
        int size = Page.limit(limit, 50, 500);
        var items = campaigns.page(caller.workspaceId(), before, size).stream().map(CampaignView::of).toList();
        return Page.of(items, size, CampaignView::id);
    }

    @GetMapping("/{id}")
    CampaignView get(Caller caller, @PathVariable long id) {
        caller.require(Role.VIEWER);
        return CampaignView.of(campaigns.get(caller.workspaceId(), id));
    }

    @GetMapping("/{id}/metrics")
    @Operation(summary = "The campaign's insights as a time series: one reading per sync")
    MetricsView metrics(Caller caller, @PathVariable long id, @RequestParam(required = false) Instant since,
                        @RequestParam(required = false) Integer limit) {
        caller.require(Role.VIEWER);
        var c = campaigns.get(caller.workspaceId(), id);
        return new MetricsView(id, c.currency(), campaigns.metrics(caller.workspaceId(), id, since,
                Page.limit(limit, 500, 5000)));
    }

    @PostMapping("/{id}/pause")
    CampaignView pause(Caller caller, @PathVariable long id) {
        caller.require(Role.EDITOR);
        return CampaignView.of(campaigns.pause(caller.workspaceId(), id, Actor.of(caller)));
    }

    @PostMapping("/{id}/resume")
    CampaignView resume(Caller caller, @PathVariable long id) {
        caller.require(Role.EDITOR);
        return CampaignView.of(campaigns.resume(caller.workspaceId(), id, Actor.of(caller)));
    }

    @PostMapping("/{id}/stop")
    @Operation(summary = "Pause the campaign on Meta for good; it is read one last time and then kept as it is")
    CampaignView stop(Caller caller, @PathVariable long id) {
        caller.require(Role.EDITOR);
        return CampaignView.of(campaigns.stop(caller.workspaceId(), id, Actor.of(caller)));
    }
}
