package io.socialsync.insights.web;

import io.socialsync.domain.NotFound;
import io.socialsync.insights.PublicationMetrics;
import io.socialsync.publish.Publications;
import io.socialsync.publish.PublishRuns;
import io.socialsync.web.ApiException;
import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A posted publication's metrics, collected 1 h, 24 h and 7 days after it was posted. */
@RestController
public class MetricsController {
    private final Publications publications;
    private final PublishRuns runs;
    private final PublicationMetrics metrics;

    public MetricsController(Publications publications, PublishRuns runs, PublicationMetrics metrics) {
        this.publications = publications;
        this.runs = runs;
        this.metrics = metrics;
    }

    @GetMapping("/publications/{id}/metrics")
    @Operation(summary = "A publication's metrics series: one entry per collection (checkpoint 1h, 24h, 7d), with "
            + "common names and the platform's own")
    MetricsView get(Caller caller, @PathVariable long id) {
        caller.require(Role.VIEWER);
        long ws = caller.workspaceId();
        var p = publications.byId(ws, id).orElseThrow(() -> new NotFound("publication", id));
        return MetricsView.of(p, runs.resultOf(ws, id).orElse(null), metrics.series(ws, id));
    }
}
