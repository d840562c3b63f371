package io.socialsync.learning.web;

import io.socialsync.domain.Invalid;
import io.socialsync.learning.LearnedRule;
import io.socialsync.learning.LearnedRulesView;
import io.socialsync.learning.LearningService;
import io.socialsync.learning.LearningSettings;
import io.socialsync.learning.Recommendations;
import io.socialsync.ledger.Actor;
import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Learned rules (evidence, proposals, decisions, settings) and the recommended clips. */
@RestController
public class LearningController {
    private final LearningService learning;
    private final LearnedRulesView view;
    private final Recommendations recommendations;

    public LearningController(LearningService learning, LearnedRulesView view, Recommendations recommendations) {
        this.learning = learning;
        this.view = view;
        this.recommendations = recommendations;
    }

    public record Settings(Boolean autoApply, Integer minPosts, Double exploration) {
    }

    @GetMapping("/rules/learned")
    @Operation(summary = "Learned rules (proposed and active) and, per account, the evidence per option")
    LearnedRulesView.Learned learned(Caller caller) {
        return view.learned(caller.workspaceId());
    }

    @PostMapping("/rules/learned/proposals")
    @Operation(summary = "Propose what the evidence shows now (applied at once only with auto-apply on)")
    List<LearnedRule> propose(Caller caller) {
        caller.require(Role.EDITOR);
        return learning.propose(caller.workspaceId(), Actor.of(caller));
    }

    @PostMapping("/rules/learned/{id}/accept")
    @Operation(summary = "Make a proposed learned rule active (recorded in the ledger)")
    LearnedRule accept(Caller caller, @PathVariable long id) {
        caller.require(Role.EDITOR);
        return learning.decide(caller.workspaceId(), id, true, Actor.of(caller));
    }

    @PostMapping("/rules/learned/{id}/reject")
    LearnedRule reject(Caller caller, @PathVariable long id) {
        caller.require(Role.EDITOR);
        return learning.decide(caller.workspaceId(), id, false, Actor.of(caller));
    }

    @GetMapping("/rules/learned/settings")
    LearningSettings settings(Caller caller) {
        return learning.settings(caller.workspaceId());
    }

    @PutMapping("/rules/learned/settings")
    @Operation(summary = "Auto-apply (off by default), the posts it needs, and the exploration share")
    LearningSettings saveSettings(Caller caller, @RequestBody Settings body) {
        caller.require(Role.ADMIN);
        if (body == null) {
            throw new Invalid("send auto_apply, min_posts or exploration");
        }
        return learning.saveSettings(caller.workspaceId(), body.autoApply(), body.minPosts(), body.exploration(),
                Actor.of(caller));
    }

    @GetMapping("/clips/recommended")
    @Operation(summary = "Clips not yet published, ranked by predicted engagement for one account, with the reason")
    List<Recommendations.Recommended> recommended(Caller caller,
                                                  @RequestParam("social_account_id") long account,
                                                  @RequestParam(value = "limit", defaultValue = "20") int limit) {
        if (limit < 1 || limit > 100) {
            throw Invalid.field("limit", "must be between 1 and 100");
        }
        return recommendations.rank(caller.workspaceId(), account, limit);
    }
}
