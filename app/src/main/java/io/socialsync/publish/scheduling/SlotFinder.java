package io.socialsync.publish.scheduling;

import io.socialsync.accounts.SocialAccount;
import io.socialsync.publish.Publications;
import io.socialsync.rules.RuleSet;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link SlotPlanner} for one account against its stored publications. Callers hold the account's row
 * lock, so the neighbours read here cannot change before the chosen slot is written.
 */
@Component
class SlotFinder {
    private final Publications rows;

    SlotFinder(Publications rows) {
        this.rows = rows;
    }

    /** @param excluding the publication being moved, which must not push itself away */
    Optional<Plan> find(SocialAccount account, RuleSet rules, Instant earliest, Long excluding) {
        var rule = rules.of(account.platform());
        var request = new SlotPlanner.Request(earliest, account.timezone(),
                new SlotPlanner.Window(rule.windowStartHour(), rule.windowEndHour()), rule.minGap());
        return SlotPlanner.plan(request, new SlotPlanner.Neighbours() {
            @Override
            public Optional<Instant> atOrBefore(Instant t) {
                return rows.slotAtOrBefore(account.id(), t, excluding).map(Publications.Slot::at);
            }

            @Override
            public Optional<Instant> after(Instant t) {
                return rows.slotAfter(account.id(), t, excluding).map(Publications.Slot::at);
            }
        });
    }
}
