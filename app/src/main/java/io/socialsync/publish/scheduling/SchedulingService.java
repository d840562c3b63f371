package io.socialsync.publish.scheduling;

import io.socialsync.accounts.AccountStatus;
import io.socialsync.accounts.SocialAccount;
import io.socialsync.accounts.SocialAccounts;
import io.socialsync.domain.IdempotencyKeys;
import io.socialsync.domain.Invalid;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.library.Clip;
import io.socialsync.library.Clips;
import io.socialsync.library.Variant;
import io.socialsync.library.Variants;
import io.socialsync.platforms.CaptionLimit;
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
        captionsFit(List.of(r), false);
        return one(ws, r, actor);
    }

    /**
     * What {@link #schedule} would answer now, written nowhere: the slot with its adjustments and warnings (near
     * post, same clip), or the rejection. The web app shows it before a person confirms; the same checks and
     * planning run again when they do, so the answer may have moved if another post took the slot meanwhile.
     */
    @Transactional
    public SchedulePreview preview(long ws, ScheduleRequest r) {
        captionsFit(List.of(r), false);
        return switch (checked(ws, r, false)) {
            case Checked.Stop stop -> (Rejected) stop.outcome();
            case Checked.Target t -> planned(ws, r, t, now());
        };
    }

    /**
     * {@code POST /publishing/schedule/batch}: every request in order, in one transaction, each with its own
     * verdict as if sent alone; a later request is planned around the slots the earlier ones took. A rejection
     * does not undo the others. Every account the batch names is locked up front, in id order: two batches that
     * share accounts wait for each other instead of deadlocking.
     */
    @Transactional
    public List<ScheduleOutcome> scheduleAll(long ws, List<ScheduleRequest> requests, Actor actor) {
        captionsFit(requests, true);
        requests.stream().map(r -> id(r.socialAccountId())).flatMap(Optional::stream).distinct().sorted()
                .forEach(account -> accounts.lockById(ws, account));
        List<ScheduleOutcome> outcomes = new ArrayList<>(requests.size());
        for (ScheduleRequest r : requests) {
            outcomes.add(one(ws, r, actor));
        }
        return outcomes;
    }

    /** A caption the platform would refuse (or cut) is a bad request: nothing is scheduled (see CaptionLimit). */
    private static void captionsFit(List<ScheduleRequest> requests, boolean batch) {
        var errors = new Invalid.Collector();
        for (int i = 0; i < requests.size(); i++) {
            var r = requests.get(i);
            String field = batch ? "items[" + i + "].caption" : "caption";
            if (r.platform() != null) {
                CaptionLimit.of(r.platform()).problem(r.caption()).ifPresent(m -> errors.add(field, m));
            }
        }
        errors.throwIfAny();
    }

    private ScheduleOutcome one(long ws, ScheduleRequest r, Actor actor) {
        var replay = replay(ws, r);
        if (replay.isPresent()) {
            return replay.get();
        }
        return switch (checked(ws, r, true)) {
            case Checked.Stop stop -> stop.outcome();
            case Checked.Target t -> {
                Instant now = now();
                yield switch (planned(ws, r, t, now)) {
                    case Rejected no -> no;
                    case SchedulePreview.Planned plan -> write(ws, r, t, plan, now, actor);
                };
            }
        };
    }

    /** The clip, variant and account checked, the account locked; or why not (or an idempotent replay). */
    private sealed interface Checked {
        record Target(Clip clip, SocialAccount account) implements Checked {
        }

        record Stop(ScheduleOutcome outcome) implements Checked {
        }
    }

    private Checked checked(long ws, ScheduleRequest r, boolean replays) {
        Optional<Clip> clip = id(r.clipId()).flatMap(id -> clips.byId(ws, id));
        if (clip.isEmpty()) {
            return new Checked.Stop(new Rejected("Clip not found: " + r.clipId()));
        }
        var variantProblem = checkVariant(ws, clip.get(), r.variantId());
        if (variantProblem != null) {
            return new Checked.Stop(new Rejected(variantProblem));
        }
        Optional<SocialAccount> found = id(r.socialAccountId()).flatMap(id -> accounts.lockById(ws, id));
        if (found.isEmpty()) {
            return new Checked.Stop(new Rejected("Social account not found: " + r.socialAccountId()));
        }
        SocialAccount account = found.get();
        if (replays) {
            var replay = replay(ws, r); // again under the lock: a concurrent twin may have committed
            if (replay.isPresent()) {
                return new Checked.Stop(replay.get());
            }
        }
        if (account.platform() != r.platform()) {
            return new Checked.Stop(new Rejected("Platform mismatch: social account " + account.id() + " is "
                    + account.platform().wire() + ", not " + r.platform().wire()));
        }
        if (account.status() == AccountStatus.DISABLED) {
            return new Checked.Stop(new Rejected("Social account " + account.id() + " is disabled"));
        }
        var unfit = provision.unfit(clip.get(), account.platform(), r.variantId());
        if (unfit.isPresent()) {
            return new Checked.Stop(new Rejected(unfit.get()));
        }
        var twin = rows.sameContent(ws, account.id(), clip.get().id(), r.variantId());
        if (twin.isPresent()) {
            return new Checked.Stop(new Rejected("Clip " + clip.get().id()
                    + (r.variantId() == null ? "" : " variant " + r.variantId()) + " is already "
                    + twin.get().state().wire() + " for social account " + account.id() + " as publication "
                    + twin.get().id()));
        }
        return new Checked.Target(clip.get(), account);
    }

    private SchedulePreview planned(long ws, ScheduleRequest r, Checked.Target t, Instant now) {
        SocialAccount account = t.account();
        var ruleSet = rules.active(ws);
        List<ScheduleWarning> warnings = new ArrayList<>();
        if (r.when() instanceof When.Now) {
            // schedule_type immediate: due now, no window, no gap (the seed posts these at once); the caller runs
            // the tick after commit. No window end is what marks it immediate in the views.
            if (account.status() == AccountStatus.NEEDS_REAUTH) {
                warnings.add(ScheduleWarning.of(ScheduleWarning.NEEDS_REAUTH, "Social account " + account.id()
                        + " needs re-authorisation before it can post"));
            }
            warnings.addAll(near.check(account, ruleSet.of(account.platform()), t.clip().id(), now, null));
            return new SchedulePreview.Planned(new Plan(now, null, List.of()), null, null, ruleSet.version(),
                    IMMEDIATE, warnings);
        }
        Instant requested = r.when().resolve(account.timezone());
        Instant earliest = Earliest.of(requested, now, warnings);
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
        warnings.addAll(near.check(account, ruleSet.of(account.platform()), t.clip().id(), slot, null));
        Instant windowEnd = r.windowEnd() != null ? r.windowEnd() : plan.get().windowEnd();
        String reason = learned == null ? plan.get().reason() : learned + "; " + plan.get().reason();
        return new SchedulePreview.Planned(plan.get(), windowEnd, requested, ruleSet.version(), reason, warnings);
    }

    private ScheduleOutcome write(long ws, ScheduleRequest r, Checked.Target t, SchedulePreview.Planned planned,
                                  Instant now, Actor actor) {
        SocialAccount account = t.account();
        long id = rows.insert(new Publication(0, ws, t.clip().id(), r.variantId(), account.id(), account.platform(),
                PublicationState.SCHEDULED, planned.slot(), planned.windowEnd(), planned.requested(),
                planned.rulesVersion(), r.caption(), r.scheduledBy(), r.idempotencyKey(), null, null, now, now));
        if (r.publisher() != null) {
            runs.publisher(ws, id, r.publisher());
        }
        var publication = rows.byId(ws, id).orElseThrow();
        recordCreated(publication, planned.plan(), actor);
        // the missing variant's render is queued here, not in the preview: a preview writes nothing
        var warnings = new ArrayList<>(planned.warnings());
        provision.ensure(ws, t.clip(), account.platform(), r.variantId(), actor).ifPresent(warnings::add);
        return new Scheduled(publication, planned.reason(), planned.adjustments(), warnings, true);
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

    /** The publication the request's key made; one for another clip, account or variant is a 422. */
    private Optional<ScheduleOutcome> replay(long ws, ScheduleRequest r) {
        if (r.idempotencyKey() == null) {
            return Optional.empty();
        }
        return rows.byIdempotencyKey(ws, r.idempotencyKey()).map(p -> {
            if (!Long.toString(p.clipId()).equals(r.clipId())
                    || !Long.toString(p.socialAccountId()).equals(r.socialAccountId())
                    || (r.variantId() != null && !r.variantId().equals(p.variantId()))) {
                throw IdempotencyKeys.reused("publication " + p.id());
            }
            return new Scheduled(p, "Already scheduled with this idempotency key", List.of(), List.of(), false);
        });
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
