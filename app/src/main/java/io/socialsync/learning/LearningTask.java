package io.socialsync.learning;

import io.socialsync.config.SocialSyncProperties.Roles;
import io.socialsync.ledger.Actor;
import io.socialsync.node.PeriodicTask;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Every hour on scheduler nodes: proposes what the latest scores show (and applies it where the workspace turned
 * auto-apply on), and stops experiments that have their answer.
 */
@Component
public class LearningTask implements PeriodicTask.Owner {
    static final Actor ACTOR = Actor.worker("learning");
    private final LearningService learning;
    private final Outcomes outcomes;
    private final Experiments experiments;

    public LearningTask(LearningService learning, Outcomes outcomes, Experiments experiments) {
        this.learning = learning;
        this.outcomes = outcomes;
        this.experiments = experiments;
    }

    @Override
    public PeriodicTask periodic() {
        return PeriodicTask.of("Learning", Roles::scheduler, Duration.ofHours(1), this::once,
                "Learning proposed {} rule(s) or stopped experiment(s)").firstAfter(Duration.ofMinutes(5));
    }

    int once() {
        int done = 0;
        for (long ws : outcomes.workspaces()) {
            done += learning.propose(ws, ACTOR).size();
            done += experiments.stopDecided(ws, ACTOR);
        }
        return done;
    }
}
