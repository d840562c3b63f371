package io.socialsync.rules.web;

import io.socialsync.ledger.Actor;
import io.socialsync.rules.LearnedRulesSource;
import io.socialsync.rules.RuleInput;
import io.socialsync.rules.RulesService;
import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Posting windows and gaps per platform (seed Stakazo's /rules): viewers read, editors save new versions. */
@RestController
@RequestMapping("/rules")
public class RulesController {
    private final RulesService rules;
    private final ObjectProvider<LearnedRulesSource> learned;

    public RulesController(RulesService rules, ObjectProvider<LearnedRulesSource> learned) {
        this.rules = rules;
        this.learned = learned;
    }

    public record ProposeRules(Map<String, RuleInput> rules) {
    }

    @GetMapping
    @Operation(summary = "The active rules (version 0: the built-in defaults) and, beside them, the learned ones")
    RulesView active(Caller caller) {
        var view = RulesView.of(rules.active(caller.workspaceId()));
        var source = learned.getIfAvailable();
        return source == null ? view : view.withLearned(source.learned(caller.workspaceId()));
    }

    @GetMapping("/versions")
    @Operation(summary = "Every saved version, newest first")
    List<RulesView> versions(Caller caller) {
        return rules.history(caller.workspaceId()).stream().map(RulesView::of).toList();
    }

    @GetMapping("/versions/{version}")
    RulesView version(Caller caller, @PathVariable int version) {
        return RulesView.of(rules.version(caller.workspaceId(), version));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Save a new active version; platforms and fields left out keep their current values")
    RulesView propose(Caller caller, @RequestBody ProposeRules body) {
        caller.require(Role.EDITOR);
        return RulesView.of(rules.propose(caller.workspaceId(), body.rules(), Actor.of(caller)));
    }
}
