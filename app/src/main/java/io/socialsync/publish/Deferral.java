package io.socialsync.publish;

import io.socialsync.accounts.SocialAccount;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.rules.RulesService;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts a publication back to SCHEDULED at the first slot (window and gap respected) at or after a time the
 * platform or our budget names: a budget or rate limit is a later post, not a failed one. Its PUBLISH job is
 * the caller's own and simply ends; the tick queues a new one. Callers hold the account and publication locks.
 */
@Component
class Deferral {
    private final Publications rows;
    private final SlotFinder slots;
    private final RulesService rules;
    private final PublishEvents events;
    private final JdbcClient jdbc;
    private final Clock clock;

    Deferral(Publications rows, SlotFinder slots, RulesService rules, PublishEvents events, JdbcClient jdbc,
             Clock clock) {
        this.rows = rows;
        this.slots = slots;
        this.rules = rules;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Instant defer(Publication p, SocialAccount account, Instant notBefore, String reason, Actor actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant earliest = notBefore.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        var ruleSet = rules.active(p.workspaceId());
        var plan = slots.find(account, ruleSet, earliest, p.id());
        Instant slot = plan.map(Plan::slot).orElse(earliest);
        Instant windowEnd = plan.map(Plan::windowEnd).orElse(null);
        rows.reslot(p, slot, windowEnd, p.requestedFor(), ruleSet.version(), now);
        jdbc.sql("UPDATE publications SET last_error = ? WHERE workspace_id = ? AND id = ?")
                .params(reason, p.workspaceId(), p.id()).update();
        var payload = PublishEvents.base(p);
        payload.put("previous_status", p.state().wire());
        payload.put("reason", reason);
        payload.put("not_before", notBefore.toString());
        payload.put("scheduled_for", slot.toString());
        events.record(p, actor, EventType.PUBLISH_DEFERRED, payload);
        return slot;
    }
}
