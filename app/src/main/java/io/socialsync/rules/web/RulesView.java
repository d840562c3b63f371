package io.socialsync.rules.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.socialsync.rules.RuleSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A rules version as the API shows it; {@code version} 0 with {@code default} true is the built-in set. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RulesView(int version, boolean isDefault, Instant createdAt, String createdBy,
                        Map<String, Rule> rules, Object learned) {

    public record Rule(int windowStartHour, int windowEndHour, int minGapMinutes) {
    }

    static RulesView of(RuleSet set) {
        var rules = new LinkedHashMap<String, Rule>();
        set.rules().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> rules.put(e.getKey().wire(),
                new Rule(e.getValue().windowStartHour(), e.getValue().windowEndHour(), e.getValue().minGapMinutes())));
        return new RulesView(set.version(), set.isDefault(), set.createdAt(), set.createdBy(), rules, null);
    }

    /** The active version with, beside it, what was learned (see LearnedRulesSource). */
    RulesView withLearned(Object learned) {
        return new RulesView(version, isDefault, createdAt, createdBy, rules, learned);
    }
}
