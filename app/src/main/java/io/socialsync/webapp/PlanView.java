package io.socialsync.webapp;

import io.socialsync.accounts.SocialAccount;
import io.socialsync.publish.scheduling.ScheduleOutcome;
import io.socialsync.publish.scheduling.SchedulePreview;
import io.socialsync.publish.scheduling.ScheduleWarning;
import java.util.List;

/** What scheduling planned (or did), as the form and the confirmation show it: the slot in the account's zone. */
public record PlanView(ZonedTime slot, String account, String reason, List<String> adjustments,
                       List<ScheduleWarning> warnings, boolean created) {

    static PlanView of(SchedulePreview.Planned plan, SocialAccount account) {
        return new PlanView(ZonedTime.of(plan.slot(), account.timezone()), "@" + account.handle(), plan.reason(),
                plan.adjustments(), plan.warnings(), false);
    }

    static PlanView of(ScheduleOutcome.Scheduled done, SocialAccount account) {
        return new PlanView(ZonedTime.of(done.publication().scheduledFor(), account.timezone()),
                "@" + account.handle(), done.reason(), done.adjustments(), done.warnings(), done.created());
    }
}
