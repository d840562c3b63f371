package io.socialsync.learning.web;

import io.socialsync.learning.Experiments;
import io.socialsync.ledger.Actor;
import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A/B tests of one clip's variants or captions. */
@RestController
@RequestMapping("/experiments")
public class ExperimentsController {
    private final Experiments experiments;

    public ExperimentsController(Experiments experiments) {
        this.experiments = experiments;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an experiment and schedule its posts at comparable slots")
    Experiments.Report create(Caller caller, @RequestBody Experiments.Create body) {
        caller.require(Role.EDITOR);
        return experiments.create(caller.workspaceId(), body, Actor.of(caller));
    }

    @GetMapping
    List<Experiments.Report> list(Caller caller) {
        return experiments.list(caller.workspaceId());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Each arm's posts, mean score, credible interval and probability of being the best")
    Experiments.Report get(Caller caller, @PathVariable long id) {
        return experiments.report(caller.workspaceId(), id);
    }

    @PostMapping("/{id}/stop")
    Experiments.Report stop(Caller caller, @PathVariable long id) {
        caller.require(Role.EDITOR);
        return experiments.stop(caller.workspaceId(), id, Actor.of(caller));
    }
}
