package io.socialsync.campaigns.web;

import io.socialsync.campaigns.BoostRule;
import io.socialsync.campaigns.BoostWinners;
import io.socialsync.ledger.Actor;
import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The workspace's "boost the winners" rule: off by default; editors change it, viewers read it. */
@RestController
@RequestMapping("/campaigns/boost-rule")
public class BoostRuleController {
    private final BoostWinners winners;

    public BoostRuleController(BoostWinners winners) {
        this.winners = winners;
    }

    /** Absent fields keep their value. */
    public record BoostRuleBody(Boolean enabled, Integer topPercent, Long dailyBudgetMinor, Integer days,
                                @Size(max = 25) List<@Size(max = 8) String> countries, Integer minPosts) {
    }

    /** {@code threshold}: the account percentile a post's 24 h score must reach (top 10 % = 0.9). */
    public record BoostRuleView(boolean enabled, int topPercent, double threshold, long dailyBudgetMinor, int days,
                                List<String> countries, int minPosts, Instant updatedAt, String updatedBy) {
        static BoostRuleView of(BoostRule r) {
            return new BoostRuleView(r.enabled(), r.topPercent(), r.threshold(), r.dailyBudgetMinor(), r.days(),
                    r.countries(), r.minPosts(), r.updatedAt(), r.updatedBy());
        }
    }

    @GetMapping
    BoostRuleView get(Caller caller) {
        caller.require(Role.VIEWER);
        return BoostRuleView.of(winners.rule(caller.workspaceId()));
    }

    @PutMapping
    @Operation(summary = "Change the boost-the-winners rule: a post whose 24 h score is in its account's top "
            + "top_percent is boosted once with daily_budget_minor for days, under the spend caps; every decision "
            + "is a ledger event on the publication")
    BoostRuleView put(Caller caller, @Valid @RequestBody BoostRuleBody body) {
        caller.require(Role.EDITOR);
        return BoostRuleView.of(winners.save(caller.workspaceId(), new BoostWinners.Change(body.enabled(),
                body.topPercent(), body.dailyBudgetMinor(), body.days(), body.countries(), body.minPosts()),
                Actor.of(caller)));
    }
}
