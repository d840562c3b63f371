package io.socialsync.publish.scheduling;

import io.socialsync.accounts.SocialAccounts;
import io.socialsync.domain.Conflict;
import io.socialsync.domain.NotFound;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.publish.Publication;
import io.socialsync.publish.PublicationState;
import io.socialsync.publish.Publications;
import io.socialsync.publish.PublishEvents;
import io.socialsync.rules.RulesService;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a SCHEDULED or PENDING publication to a new slot, planned like a new request but ignoring its own old slot.
 * A queued post goes back to SCHEDULED and its job is cancelled: the reschedule wins. Locks the account first,
 * then the publication, the same order as account deletion, so the two cannot deadlock.
 */
@NamedInterface("scheduling")
@Service
public class Rescheduling {
    private final Publications rows;
    private final SocialAccounts accounts;
    private final RulesService rules;
    private final SlotFinder slots;
    private final PublicationLifecycle lifecycle;
    private final PublishEvents events;
    private final NearPosts near;
    private final Clock clock;

    public Rescheduling(Publications rows, SocialAccounts accounts, RulesService rules, SlotFinder slots,
                        PublicationLifecycle lifecycle, PublishEvents events, NearPosts near, Clock clock) {
        this.rows = rows;
        this.accounts = accounts;
        this.rules = rules;
        this.slots = slots;
        this.lifecycle = lifecycle;
        this.events = events;
        this.near = near;
        this.clock = clock;
    }

    @NamedInterface("scheduling")
    public record Result(Publication publication, String reason, List<String> adjustments,
                         List<ScheduleWarning> warnings) {
    }

    @Transactional
    public Result reschedule(long ws, long id, When when, Instant windowEnd, Actor actor) {
        var unlocked = rows.byId(ws, id).orElseThrow(() -> new NotFound("publication", id));
        var account = accounts.lockById(ws, unlocked.socialAccountId()).orElseThrow(() -> new Conflict(
                "the social account of publication " + id + " was deleted"));
        var p = rows.lockById(ws, id).orElseThrow();
        if (p.state() != PublicationState.SCHEDULED && p.state() != PublicationState.PENDING) {
            throw new Conflict("publication " + id + " is " + p.state().wire() + "; only scheduled or "
                    + "pending publications can be rescheduled");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant requested = when.resolve(account.timezone());
        List<ScheduleWarning> warnings = new ArrayList<>();
        var ruleSet = rules.active(ws);
        var plan = slots.find(account, ruleSet, Earliest.of(requested, now, warnings), p.id())
                .map(found -> Earliest.told(requested, now, found)).orElseThrow(() -> new Conflict("no free slot found after " + SlotPlanner.MAX_STEPS
                        + " adjustments"));
        if (windowEnd != null && plan.slot().isAfter(windowEnd)) {
            throw new PastDeadline(account.platform(), account.timezone(), requested, plan, windowEnd);
        }
        lifecycle.cancelJob(p, actor);
        rows.reslot(p, plan.slot(), windowEnd != null ? windowEnd : plan.windowEnd(), requested, ruleSet.version(),
                now);
        var moved = rows.byId(ws, id).orElseThrow();
        var payload = PublishEvents.base(moved);
        payload.put("previous_status", p.state().wire());
        payload.put("previous_time", p.scheduledFor().toString());
        payload.put("scheduled_for", moved.scheduledFor().toString());
        payload.put("scheduled_window_end", PublishEvents.text(moved.windowEnd()));
        payload.put("requested_for", PublishEvents.text(requested));
        payload.put("rules_version", ruleSet.version());
        events.record(moved, actor, EventType.PUBLISH_RESCHEDULED, payload);
        if (plan.adjusted()) {
            events.record(moved, actor, EventType.PUBLISH_SCHEDULED_ADJUSTED, SchedulingService.adjusted(moved, plan));
        }
        warnings.addAll(near.check(account, ruleSet.of(account.platform()), moved.clipId(), moved.scheduledFor(), id));
        var adjustments = plan.adjustments().stream().map(Adjustment::describe).toList();
        return new Result(moved, plan.reason(), adjustments, warnings);
    }
}
