package io.socialsync.learning;

import io.socialsync.rules.LearnedRulesSource;
import java.util.List;
import org.springframework.stereotype.Component;

/** GET /rules' {@code learned}: the proposed and active learned rules, and per account what the posts show. */
@Component
public class LearnedRulesView implements LearnedRulesSource {
    private final LearningService learning;

    public LearnedRulesView(LearningService learning) {
        this.learning = learning;
    }

    public record Learned(List<LearnedRule> rules, List<LearningService.AccountLearning> accounts,
                          LearningSettings settings) {
    }

    @Override
    public Learned learned(long workspaceId) {
        return new Learned(learning.current(workspaceId), learning.learned(workspaceId),
                learning.settings(workspaceId));
    }
}
