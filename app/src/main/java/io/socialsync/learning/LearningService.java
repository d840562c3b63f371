package io.socialsync.learning;

import io.socialsync.domain.Conflict;
import io.socialsync.domain.Invalid;
import io.socialsync.domain.NotFound;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Learned rules: what the evidence shows per account, proposals drawn from it, and the decisions that make a
 * proposal active. Nothing learned is used until a decision makes it active (a person, or auto-apply with enough
 * posts), and every proposal and decision is a ledger event with its evidence.
 */
@Service
public class LearningService {
    static final Actor AUTO = Actor.worker("learning-auto-apply");
    private final Knowledge knowledge;
    private final Outcomes outcomes;
    private final LearnedRules rules;
    private final Ledger ledger;
    private final Clock clock;

    public LearningService(Knowledge knowledge, Outcomes outcomes, LearnedRules rules, Ledger ledger, Clock clock) {
        this.knowledge = knowledge;
        this.outcomes = outcomes;
        this.rules = rules;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** One account's learning: posts scored, and the evidence per dimension, best option first. */
    public record AccountLearning(long socialAccountId, String platform, String handle, int posts,
                                  Map<String, List<Evidence>> dimensions) {
    }

    public List<AccountLearning> learned(long ws) {
        var out = new ArrayList<AccountLearning>();
        for (var account : outcomes.accounts(ws)) {
            var fitted = knowledge.fit(ws, account.id());
            var rule = knowledge.rule(ws, account.platform());
            var dims = new LinkedHashMap<String, List<Evidence>>();
            for (Dimension d : Dimension.values()) {
                dims.put(d.wire(), knowledge.evidence(fitted, d, knowledge.options(d, rule, fitted)));
            }
            out.add(new AccountLearning(account.id(), account.platform(), account.handle(), fitted.posts(), dims));
        }
        return out;
    }

    public List<LearnedRule> current(long ws) {
        return rules.current(ws);
    }

    /**
     * Proposes, per account and dimension, the option most probably best among those posted with (a rule rests on
     * posts of its own: a window hour never posted at may lead on what its neighbours infer, and "auto" will try it,
     * but it is not proposed before it has posts), when it differs from what is already proposed or active there (an older proposal of the dimension is superseded). With auto-apply on, the proposal
     * (new or pending) is accepted by the system once the account has at least {@code min_posts} scored posts.
     *
     * @return the rules this call proposed or accepted
     */
    @Transactional
    public List<LearnedRule> propose(long ws, Actor actor) {
        rules.lockWorkspace(ws);
        var settings = rules.settings(ws);
        var proposed = new ArrayList<LearnedRule>();
        for (var account : outcomes.accounts(ws)) {
            var fitted = knowledge.fit(ws, account.id());
            var window = knowledge.rule(ws, account.platform());
            for (Dimension d : Dimension.values()) {
                var evidence = knowledge.evidence(fitted, d, knowledge.options(d, window, fitted));
                var tried = evidence.stream().filter(e -> e.posts() > 0).findFirst();
                if (tried.isEmpty()) {
                    continue;
                }
                var best = tried.get();
                var pending = rules.inState(ws, account.id(), d, LearnedRule.State.PROPOSED);
                boolean active = rules.inState(ws, account.id(), d, LearnedRule.State.ACTIVE)
                        .map(r -> r.option().equals(best.option())).orElse(false);
                if (active) {
                    continue;
                }
                LearnedRule rule;
                if (pending.isPresent() && pending.get().option().equals(best.option())) {
                    rule = pending.get();
                } else {
                    pending.ifPresent(old -> rules.setState(ws, old.id(), LearnedRule.State.PROPOSED,
                            LearnedRule.State.SUPERSEDED, now(), actor.value()));
                    rule = rules.byId(ws, rules.insert(ws, account.id(), account.platform(), d, fitted.posts(), best,
                            now())).orElseThrow();
                    record(rule, actor, EventType.LEARNED_RULE_PROPOSED);
                    proposed.add(rule);
                }
                if (settings.autoApply() && fitted.posts() >= settings.minPosts()) {
                    proposed.remove(rule);
                    proposed.add(accept(ws, rule, AUTO));
                }
            }
        }
        return proposed;
    }

    @Transactional
    public LearnedRule decide(long ws, long id, boolean accept, Actor actor) {
        rules.lockWorkspace(ws);
        var rule = rules.lock(ws, id).orElseThrow(() -> new NotFound("learned rule", id));
        if (rule.state() != LearnedRule.State.PROPOSED) {
            throw new Conflict("Learned rule " + id + " is " + rule.state().wire() + "; only a proposed "
                    + "rule can be accepted or rejected");
        }
        if (accept) {
            return accept(ws, rule, actor);
        }
        rules.setState(ws, id, LearnedRule.State.PROPOSED, LearnedRule.State.REJECTED, now(), actor.value());
        var rejected = rules.byId(ws, id).orElseThrow();
        record(rejected, actor, EventType.LEARNED_RULE_REJECTED);
        return rejected;
    }

    public LearningSettings settings(long ws) {
        return rules.settings(ws);
    }

    @Transactional
    public LearningSettings saveSettings(long ws, Boolean autoApply, Integer minPosts, Double exploration,
                                         Actor actor) {
        var old = rules.settings(ws);
        var errors = new Invalid.Collector();
        if (minPosts != null && (minPosts < 5 || minPosts > 10_000)) {
            errors.add("min_posts", "must be between 5 and 10000: fewer posts are not evidence");
        }
        if (exploration != null && (exploration < 0 || exploration > LearningSettings.MAX_EXPLORATION)) {
            errors.add("exploration", "must be between 0 and " + LearningSettings.MAX_EXPLORATION);
        }
        errors.throwIfAny();
        var s = new LearningSettings(autoApply != null ? autoApply : old.autoApply(),
                minPosts != null ? minPosts : old.minPosts(), exploration != null ? exploration : old.exploration(),
                now(), actor.value());
        rules.saveSettings(ws, s);
        ledger.append(new LedgerEvent.New(ws, actor, EventType.LEARNING_SETTINGS_CHANGED, "learning_settings",
                String.valueOf(ws), null, Map.of("auto_apply", s.autoApply(), "min_posts", s.minPosts(),
                        "exploration", s.exploration())));
        return s;
    }

    private LearnedRule accept(long ws, LearnedRule rule, Actor actor) {
        rules.inState(ws, rule.socialAccountId(), rule.dimension(), LearnedRule.State.ACTIVE).ifPresent(old ->
                rules.setState(ws, old.id(), LearnedRule.State.ACTIVE, LearnedRule.State.SUPERSEDED, now(),
                        actor.value()));
        rules.setState(ws, rule.id(), LearnedRule.State.PROPOSED, LearnedRule.State.ACTIVE, now(), actor.value());
        var active = rules.byId(ws, rule.id()).orElseThrow();
        record(active, actor, EventType.LEARNED_RULE_ACCEPTED);
        return active;
    }

    private void record(LearnedRule r, Actor actor, EventType type) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("social_account_id", r.socialAccountId());
        payload.put("platform", r.platform());
        payload.put("dimension", r.dimension().wire());
        payload.put("option", r.option());
        payload.put("state", r.state().wire());
        payload.put("posts", r.posts());
        payload.put("option_posts", r.evidence().posts());
        payload.put("mean", r.evidence().mean());
        payload.put("credible_interval", List.of(r.evidence().lower(), r.evidence().upper()));
        payload.put("probability_best", r.evidence().probabilityBest());
        ledger.append(new LedgerEvent.New(r.workspaceId(), actor, type, "learned_rule", String.valueOf(r.id()), null,
                payload));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
