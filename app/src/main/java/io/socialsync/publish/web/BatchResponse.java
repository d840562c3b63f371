package io.socialsync.publish.web;

import io.socialsync.publish.scheduling.ScheduleOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One result per item, in the request's order; {@code created} false for a rejection or an idempotent replay. */
public record BatchResponse(int scheduled, int rejected, List<Item> results) {

    public record Item(int index, boolean created, String publishLogId, String status, String reason,
                       Instant scheduledFor, Instant scheduledWindowEnd, Integer rulesVersion, List<String> adjustments,
                       List<WarningView> warnings) {
    }

    static BatchResponse of(List<ScheduleOutcome> outcomes) {
        List<Item> items = new ArrayList<>(outcomes.size());
        int rejected = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            var outcome = outcomes.get(i);
            var r = ScheduleResponse.of(outcome);
            boolean created = outcome instanceof ScheduleOutcome.Scheduled s && s.created();
            rejected += outcome instanceof ScheduleOutcome.Rejected ? 1 : 0;
            items.add(new Item(i, created, r.publishLogId(), r.status(), r.reason(), r.scheduledFor(),
                    r.scheduledWindowEnd(), r.rulesVersion(), r.adjustments(), r.warnings()));
        }
        return new BatchResponse(outcomes.size() - rejected, rejected, items);
    }
}
