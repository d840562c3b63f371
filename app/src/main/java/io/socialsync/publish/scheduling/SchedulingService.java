package io.socialsync.publish.scheduling;

import io.socialsync.accounts.AccountStatus;
import io.socialsync.accounts.SocialAccount;
import io.socialsync.accounts.SocialAccounts;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.library.Clip;
import io.socialsync.library.Clips;
import io.socialsync.library.Variant;
import io.socialsync.library.Variants;
import io.socialsync.publish.AutoSlot;
import io.socialsync.publish.Publication;
import io.socialsync.publish.PublicationState;
import io.socialsync.publish.Publications;
import io.socialsync.publish.PublishEvents;
import io.socialsync.publish.PublishRuns;
import io.socialsync.publish.scheduling.ScheduleOutcome.Rejected;
import io.socialsync.publish.scheduling.ScheduleOutcome.Scheduled;
import io.socialsync.rules.RulesService;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code POST /publishing/schedule}: checks the clip, variant and account, then plans the slot and writes the
 * publication with its ledger events in one transaction. The account row stays locked throughout, so two requests
 * for one account are planned one after the other and never take the same slot.
 */
@NamedInterface("scheduling")
@Service
public class SchedulingService {
    private final Clips clips;
    private final Variants variants;
    private final SocialAccounts accounts;
    private final Publications rows;
    private final RulesService rules;
    private final SlotFinder slots;
    private final PublishEvents events;
    private final PublishRuns runs;
    private final NearPosts near;
    private final Clock clock;
    private final ObjectProvider<AutoSlot> autoSlot;
    private final VariantProvision provision;

    public SchedulingService(Clips clips, Variants variants, SocialAccounts accounts, Publications rows,
                             RulesService rules, SlotFinder slots, PublishEvents events, PublishRuns runs,
                             NearPosts near, Clock clock, ObjectProvider<AutoSlot> autoSlot,
                             VariantProvision provision) {
        this.clips = clips;
        this.variants = variants;
        this.accounts = accounts;
        this.rows = rows;
        this.rules = rules;
        this.slots = slots;
        this.events = events;
        this.runs = runs;
        this.near = near;
        this.clock = clock;
        this.autoSlot = autoSlot;
        this.provision = provision;
    }

    @Transactional
    public ScheduleOutcome schedule(long ws, ScheduleRequest r, Actor actor) {
        return one(ws, r, actor);
    }

    /**
     * {@code POST /publishing/schedule/batch}: every request in order, in one transaction, each with its own
     * verdict as if sent alone; a later request is planned around the slots the earlier ones took. A rejection
     * does not undo the others. Every account the batch names is locked up front, in id order: two batches that
     * share accounts wait for each other instead of deadlocking.
     */
    @Transactional
    public List<ScheduleOutcome> scheduleAll(long ws, List<ScheduleRequest> requests, Actor actor) {
        requests.stream().map(r -> id(r.socialAccountId())).flatMap(Optional::stream).distinct().sorted()
                .forEach(account -> accounts.lockById(ws, account));
        List<ScheduleOutcome> outcomes = new ArrayList<>(requests.size());
        for (ScheduleRequest r : requests) {
            outcomes.add(one(ws, r, actor));
        }
        return outcomes;
    }

    private ScheduleOutcome one(long ws, ScheduleRequest r, Actor actor) {
        var replay = replay(ws, r.idempotencyKey());
        if (replay.isPresent()) {
            return replay.get();
        }
        Optional<Clip> clip = id(r.clipId()).flatMap(id -> clips.byId(ws, id));
        if (clip.isEmpty()) {
            return new Rejected("Clip not found: " + r.clipId());
        }
        var variantProblem = checkVariant(ws, clip.get(), r.variantId());
        if (variantProblem != null) {
            return new Rejected(variantProblem);
        }
        Optional<SocialAccount> found = id(r.socialAccountId()).flatMap(id -> accounts.lockById(ws, id));
        if (found.isEmpty()) {
            return new Rejected("Social account not found: " + r.socialAccountId());
        }
        SocialAccount account = found.get();
        replay = replay(ws, r.idempotencyKey()); // again under the lock: a concurrent twin may have just committed
        if (replay.isPresent()) {
            return replay.get();
        }
        if (account.platform() != r.platform()) {
            return new Rejected("Platform mismatch: social account " + account.id() + " is "
                    + account.platform().wire() + ", not " + r.platform().wire());
        }
        if (account.status() == AccountStatus.DISABLED) {
            return new Rejected("Social account " + account.id() + " is disabled");
        }
        var twin = rows.sameContent(ws, account.id(), clip.get().id(), r.variantId());
        if (twin.isPresent()) {
            return new Rejected("Clip " + clip.get().id() + (r.variantId() == null ? "" : " variant " + r.variantId())
                    + " is already " + twin.get().state().wire() + " for social account " + account.id()
                    + " as publication " + twin.get().id());
        }
        return plan(ws, r, account, clip.get(), actor);
    }

    private ScheduleOutcome plan(long ws, ScheduleRequest r, SocialAccount account, Clip clip, Actor actor) {
        Instant now = now();
        if (r.when() instanceof When.Now) {
            return immediate(ws, r, account, clip, actor, now);
        }
        Instant requested = r.when().resolve(account.timezone());
        List<ScheduleWarning> warnings = new ArrayList<>();
        Instant earliest = Earliest.of(requested, now, warnings);
        var ruleSet = rules.active(ws);
        String learned = null;
        var auto = autoSlot.getIfAvailable();
        if (r.when() instanceof When.Auto && auto != null) {
            var pick = auto.pick(ws, account, ruleSet.of(account.platform()), earliest);
            if (pick.isPresent()) {
                earliest = pick.get().from();
                learned = pick.get().reason();
            }
        }
        var plan = slots.find(account, ruleSet, earliest, null).map(p -> Earliest.told(requested, now, p));
        if (plan.isEmpty()) {
            return new Rejected("No free slot found after " + SlotPlanner.MAX_STEPS + " adjustments from " + earliest);
        }
        Instant slot = plan.get().slot();
        if (r.windowEnd() != null && slot.isAfter(r.windowEnd())) {
            return new Rejected("The first slot that respects the " + account.platform().wire() + " window and gap is "
                    + slot + ", after scheduled_window_end " + r.windowEnd() + ": " + plan.get().reason());
        }
        if (account.status() == AccountStatus.NEEDS_REAUTH) {
            warnings.add(ScheduleWarning.of(ScheduleWarning.NEEDS_REAUTH, "Social account " + account.id()
                    + " needs re-authorisation before " + slot));
        }
        warnings.addAll(near.check(account, ruleSet.of(account.platform()), clip.id(), slot, null));
        provision.ensure(ws, clip, account.platform(), r.variantId(), actor).ifPresent(warnings::add);
        Instant windowEnd = r.windowEnd() != null ? r.windowEnd() : plan.get().windowEnd();
        var draft = new Publication(0, ws, clip.id(), r.variantId(), account.id(), account.platform(),
                PublicationState.SCHEDULED, slot, windowEnd, requested, ruleSet.version(), r.caption(),
                r.scheduledBy(), r.idempotencyKey(), null, null, now, now);
        long id = rows.insert(draft);
        if (r.publisher() != null) {
            runs.publisher(ws, id, r.publisher());
        }
        var publication = rows.byId(ws, id).orElseThrow();
        recordCreated(publication, plan.get(), actor);
        var adjustments = plan.get().adjustments().stream().map(Adjustment::describe).toList();
        String reason = learned == null ? plan.get().reason() : learned + "; " + plan.get().reason();
        return new Scheduled(publication, reason, adjustments, warnings, true);
    }

    /**
     * {@code schedule_type: "immediate"}: due now, no window, no gap (the seed posts these at once); the caller
     * runs the tick after commit. No window end is what marks it immediate in the views.
     */
    private ScheduleOutcome immediate(long ws, ScheduleRequest r, SocialAccount account, Clip clip, Actor actor,
                                      Instant now) {
        var ruleSet = rules.active(ws);
        List<ScheduleWarning> warnings = new ArrayList<>();
        if (account.status() == AccountStatus.NEEDS_REAUTH) {
            warnings.add(ScheduleWarning.of(ScheduleWarning.NEEDS_REAUTH, "Social account " + account.id()
                    + " needs re-authorisation before it can post"));
        }
        warnings.addAll(near.check(account, ruleSet.of(account.platform()), clip.id(), now, null));
        provision.ensure(ws, clip, account.platform(), r.variantId(), actor).ifPresent(warnings::add);
        long id = rows.insert(new Publication(0, ws, clip.id(), r.variantId(), account.id(), account.platform(),
                PublicationState.SCHEDULED, now, null, null, ruleSet.version(), r.caption(), r.scheduledBy(),
                r.idempotencyKey(), null, null, now, now));
        if (r.publisher() != null) {
            runs.publisher(ws, id, r.publisher());
        }
        var publication = rows.byId(ws, id).orElseThrow();
        recordCreated(publication, new Plan(now, null, List.of()), actor);
        return new Scheduled(publication, IMMEDIATE, List.of(), warnings, true);
    }

    static final String IMMEDIATE = "Immediate: queued now, outside the posting windows and gaps";

    private void recordCreated(Publication p, Plan plan, Actor actor) {
        var created = PublishEvents.base(p);
        created.put("scheduled_for", p.scheduledFor().toString());
        created.put("scheduled_window_end", PublishEvents.text(p.windowEnd()));
        created.put("scheduled_by", p.scheduledBy());
        created.put("schedule_type", p.windowEnd() == null ? "immediate" : "scheduled");
        created.put("status", p.state().wire());
        created.put("requested_for", PublishEvents.text(p.requestedFor()));
        created.put("rules_version", p.rulesVersion());
        events.record(p, actor, EventType.PUBLISH_SCHEDULED_CREATED, created);
        if (plan.adjusted()) {
            events.record(p, actor, EventType.PUBLISH_SCHEDULED_ADJUSTED, adjusted(p, plan));
        }
    }

    static Map<String, Object> adjusted(Publication p, Plan plan) {
        var payload = PublishEvents.base(p);
        payload.put("original_time", plan.adjustments().getFirst().from().toString());
        payload.put("adjusted_time", plan.slot().toString());
        payload.put("reason", plan.reason());
        return payload;
    }

    private Optional<ScheduleOutcome> replay(long ws, String key) {
        if (key == null) {
            return Optional.empty();
        }
        return rows.byIdempotencyKey(ws, key).map(p -> new Scheduled(p,
                "Already scheduled with this idempotency key", List.of(), List.of(), false));
    }

    private String checkVariant(long ws, Clip clip, Long variantId) {
        if (variantId == null) {
            return null;
        }
        Optional<Variant> variant = variants.byId(ws, variantId);
        if (variant.isEmpty()) {
            return "Variant not found: " + variantId;
        }
        if (variant.get().clipId() != clip.id()) {
            return "Variant " + variantId + " belongs to clip " + variant.get().clipId() + ", not clip " + clip.id();
        }
        if (variant.get().state() == Variant.State.FAILED) {
            return "Variant " + variantId + " failed to render: " + variant.get().error();
        }
        return null;
    }

    static Optional<Long> id(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
