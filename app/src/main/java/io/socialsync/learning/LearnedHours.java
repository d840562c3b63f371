package io.socialsync.learning;

import io.socialsync.accounts.SocialAccount;
import io.socialsync.publish.AutoSlot;
import io.socialsync.rules.PlatformRule;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * {@code "scheduled_for": "auto"} for an account whose learned hour rule is active: the hour is a Thompson draw
 * over the window's hours (so the probably-best hour is taken most often and the others still now and then, with
 * the workspace's exploration share drawn uniformly), and the post starts looking at its next occurrence. Without an
 * active rule, auto stays "as soon as possible".
 */
@Component
public class LearnedHours implements AutoSlot {
    private final LearnedRules rules;
    private final Knowledge knowledge;
    private final LearningRandom random;

    public LearnedHours(LearnedRules rules, Knowledge knowledge, LearningRandom random) {
        this.rules = rules;
        this.knowledge = knowledge;
        this.random = random;
    }

    @Override
    public Optional<Pick> pick(long ws, SocialAccount account, PlatformRule rule, Instant earliest) {
        if (rules.inState(ws, account.id(), Dimension.HOUR, LearnedRule.State.ACTIVE).isEmpty()) {
            return Optional.empty();
        }
        var fitted = knowledge.fit(ws, account.id());
        var hours = IntStream.range(rule.windowStartHour(), rule.windowEndHour()).mapToObj(String::valueOf).toList();
        double explore = rules.settings(ws).exploration();
        int hour = Integer.parseInt(fitted.bandit(Dimension.HOUR).choose(hours, explore, random.next()));
        ZonedDateTime from = earliest.atZone(account.timezone());
        ZonedDateTime at = ZonedDateTime.of(from.toLocalDate(), LocalTime.of(hour, 0), account.timezone());
        if (at.isBefore(from)) {
            at = ZonedDateTime.of(from.toLocalDate().plusDays(1), LocalTime.of(hour, 0), account.timezone());
        }
        var posterior = fitted.bandit(Dimension.HOUR).posterior(String.valueOf(hour));
        return Optional.of(new Pick(at.toInstant(), String.format(Locale.ROOT,
                "Learned hour %02d:00 drawn from %d posts of the account (%d at that hour, mean score %+.2f)", hour,
                fitted.posts(), posterior.n(), posterior.mean())));
    }
}
