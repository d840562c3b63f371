package io.socialsync.learning;

import io.socialsync.accounts.SocialAccounts;
import io.socialsync.domain.Conflict;
import io.socialsync.domain.Invalid;
import io.socialsync.domain.NotFound;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import io.socialsync.library.Clips;
import io.socialsync.publish.scheduling.PublicationLifecycle;
import io.socialsync.publish.scheduling.ScheduleOutcome;
import io.socialsync.publish.scheduling.ScheduleRequest;
import io.socialsync.publish.scheduling.SchedulingService;
import io.socialsync.publish.scheduling.When;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A/B tests of one clip. Arms are variants (kind {@code preset}) or captions (kind {@code caption}); each arm is
 * posted at comparable slots: the same local hour, on consecutive days, the arms' order rotated per account so no
 * arm always gets the first day. A caption arm goes to one account each (a platform takes a clip once per account).
 * The report is each arm's posterior over its posts' scores and, by Monte Carlo over the posteriors with the
 * experiment's own seed, the probability that it beats the others. The experiment stops when one arm's probability
 * reaches the threshold (each arm with at least two scored posts) or when {@code max_posts} posts are scored; its
 * posts not yet out are then cancelled.
 */
@Service
public class Experiments {
    static final int MIN_POSTS_PER_ARM = 2;
    private final ExperimentRows rows;
    private final SchedulingService scheduling;
    private final SocialAccounts accounts;
    private final Clips clips;
    private final PublicationLifecycle lifecycle;
    private final LearningRandom random;
    private final Ledger ledger;
    private final Clock clock;

    public Experiments(ExperimentRows rows, SchedulingService scheduling, SocialAccounts accounts, Clips clips,
                       PublicationLifecycle lifecycle, LearningRandom random, Ledger ledger, Clock clock) {
        this.clips = clips;
        this.rows = rows;
        this.scheduling = scheduling;
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.random = random;
        this.ledger = ledger;
        this.clock = clock;
    }

    public record ArmInput(String label, Long variantId, String caption) {
    }

    public record Create(String name, Long clipId, String kind, List<ArmInput> arms, List<Long> socialAccountIds,
                         Integer hour, Integer maxPosts, Double threshold) {
    }

    public record ArmReport(long armId, String label, Long variantId, String caption, int posts, int scored,
                            double mean, double lower, double upper, double probabilityBest) {
    }

    public record Report(ExperimentRows.Row experiment, List<ArmReport> arms, List<ExperimentRows.Post> posts) {
    }

    @Transactional
    public Report create(long ws, Create c, Actor actor) {
        var errors = new Invalid.Collector();
        if (c.clipId() == null) {
            errors.add("clip_id", "is required");
        }
        if (!"preset".equals(c.kind()) && !"caption".equals(c.kind())) {
            errors.add("kind", "must be preset (arms are variants) or caption (arms are captions)");
        }
        if (c.arms() == null || c.arms().size() < 2 || c.arms().size() > 10) {
            errors.add("arms", "name 2 to 10 arms");
        } else {
            for (int i = 0; i < c.arms().size(); i++) {
                var a = c.arms().get(i);
                if ("preset".equals(c.kind()) && (a == null || a.variantId() == null)) {
                    errors.add("arms[" + i + "].variant_id", "is required for a preset experiment");
                }
                if ("caption".equals(c.kind()) && (a == null || a.caption() == null || a.caption().isBlank()
                        || a.caption().length() > 5000)) {
                    errors.add("arms[" + i + "].caption", "1 to 5000 characters, required for a caption experiment");
                }
            }
        }
        if (c.socialAccountIds() == null || c.socialAccountIds().isEmpty() || c.socialAccountIds().size() > 50) {
            errors.add("social_account_ids", "name 1 to 50 accounts");
        }
        if (c.hour() != null && (c.hour() < 0 || c.hour() > 23)) {
            errors.add("hour", "must be between 0 and 23 (the accounts' local time)");
        }
        if (c.threshold() != null && (c.threshold() < 0.5 || c.threshold() >= 1)) {
            errors.add("threshold", "must be at least 0.5 and below 1");
        }
        if (c.maxPosts() != null && (c.maxPosts() < 2 || c.maxPosts() > 1000)) {
            errors.add("max_posts", "must be between 2 and 1000");
        }
        errors.throwIfAny();
        if (clips.byId(ws, c.clipId()).isEmpty()) {
            throw Invalid.field("clip_id", "clip " + c.clipId() + " not found");
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean caption = "caption".equals(c.kind());
        int planned = caption ? c.socialAccountIds().size() : c.socialAccountIds().size() * c.arms().size();
        String name = c.name() == null || c.name().isBlank() ? "Experiment on clip " + c.clipId() : c.name();
        long id = rows.insert(ws, c.clipId(), name, c.kind(), c.maxPosts() != null ? c.maxPosts() : planned,
                c.threshold() != null ? c.threshold() : 0.95, random.next().nextLong() & Long.MAX_VALUE,
                actor.value(), now);
        var armIds = new ArrayList<Long>();
        for (int i = 0; i < c.arms().size(); i++) {
            var a = c.arms().get(i);
            String label = a.label() != null && !a.label().isBlank() ? a.label() : "arm " + (char) ('A' + i);
            armIds.add(rows.insertArm(id, label, a.variantId(), a.caption()));
        }
        for (int j = 0; j < c.socialAccountIds().size(); j++) {
            long accountId = c.socialAccountIds().get(j);
            var account = accounts.byId(ws, accountId).orElseThrow(() -> Invalid.field("social_account_ids",
                    "social account " + accountId + " not found"));
            int hour = c.hour() != null ? c.hour() : 19;
            var firstDay = now.atZone(account.timezone()).toLocalDate().plusDays(1);
            for (int k = 0; k < (caption ? 1 : armIds.size()); k++) {
                int arm = (j + k) % armIds.size();
                var input = c.arms().get(arm);
                var when = new When.Local(LocalDateTime.of(firstDay.plusDays(k), LocalTime.of(hour, 0)));
                var outcome = scheduling.schedule(ws, new ScheduleRequest(String.valueOf(c.clipId()),
                        input.variantId(), account.platform(), String.valueOf(accountId), when, null, "rule_engine",
                        input.caption(), "experiment-" + id + "-" + armIds.get(arm) + "-" + accountId), actor);
                if (outcome instanceof ScheduleOutcome.Rejected rejected) {
                    throw new Invalid("Experiment arm '" + input.label() + "' on account " + accountId
                            + " could not be scheduled: " + rejected.reason());
                }
                rows.insertPost(id, armIds.get(arm), ((ScheduleOutcome.Scheduled) outcome).publication().id());
            }
        }
        ledger.append(new LedgerEvent.New(ws, actor, EventType.EXPERIMENT_CREATED, "experiment", String.valueOf(id), null,
                Map.of("clip_id", c.clipId(), "kind", c.kind(), "arms", armIds, "accounts", c.socialAccountIds())));
        return report(ws, id);
    }

    public Report report(long ws, long id) {
        var e = rows.byId(ws, id).orElseThrow(() -> new NotFound("experiment", id));
        var arms = rows.arms(id);
        var posts = rows.posts(ws, id);
        var bandit = new ThompsonBandit();
        var keys = arms.stream().map(a -> String.valueOf(a.id())).toList();
        posts.stream().filter(p -> p.score() != null).forEach(p -> bandit.observe(String.valueOf(p.armId()), p.score()));
        var pBest = bandit.probabilityBest(keys, Knowledge.DRAWS, new SplittableRandom(e.seed()));
        var out = new ArrayList<ArmReport>();
        for (var a : arms) {
            var posterior = bandit.posterior(String.valueOf(a.id()));
            double[] ci = posterior.interval(Evidence.LEVEL);
            int count = (int) posts.stream().filter(p -> p.armId() == a.id()).count();
            out.add(new ArmReport(a.id(), a.label(), a.variantId(), a.caption(), count, posterior.n(),
                    Knowledge.round(posterior.mean()), Knowledge.round(ci[0]), Knowledge.round(ci[1]),
                    Knowledge.round(pBest.get(String.valueOf(a.id())))));
        }
        return new Report(e, out, posts);
    }

    public List<Report> list(long ws) {
        return rows.ids(ws, null).stream().map(id -> report(ws, id)).toList();
    }

    /** Stops the workspace's running experiments that have a clear winner or reached their size. */
    @Transactional
    public int stopDecided(long ws, Actor actor) {
        int stopped = 0;
        for (long id : rows.ids(ws, "RUNNING")) {
            var r = report(ws, id);
            var best = r.arms().stream().max((a, b) -> Double.compare(a.probabilityBest(), b.probabilityBest()))
                    .orElseThrow();
            int scored = r.arms().stream().mapToInt(ArmReport::scored).sum();
            boolean enough = r.arms().stream().allMatch(a -> a.scored() >= MIN_POSTS_PER_ARM);
            if (enough && best.probabilityBest() >= r.experiment().threshold()) {
                stopped += stop(ws, r, best.armId(), String.format(java.util.Locale.ROOT,
                        "%s is better with probability %.3f (threshold %.2f)", best.label(), best.probabilityBest(),
                        r.experiment().threshold()), actor);
            } else if (scored >= r.experiment().maxPosts()) {
                stopped += stop(ws, r, null, "Reached its size of " + r.experiment().maxPosts() + " scored posts "
                        + "without a clear winner (best: " + best.label() + ", " + best.probabilityBest() + ")", actor);
            }
        }
        return stopped;
    }

    @Transactional
    public Report stop(long ws, long id, Actor actor) {
        var r = report(ws, id);
        if (!"running".equals(r.experiment().state())) {
            throw new Conflict("Experiment " + id + " is already stopped");
        }
        stop(ws, r, null, "Stopped by " + actor.value(), actor);
        return report(ws, id);
    }

    private int stop(long ws, Report r, Long winner, String reason, Actor actor) {
        int n = rows.stop(ws, r.experiment().id(), winner, reason, clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (n > 0) {
            // posts not yet out would only add to an answered question: they go (SCHEDULED/PENDING are cancellable)
            var cancelled = rows.waiting(ws, r.experiment().id());
            cancelled.forEach(id -> lifecycle.cancel(ws, id, actor));
            var payload = new LinkedHashMap<String, Object>();
            payload.put("winner_arm_id", winner);
            payload.put("reason", reason);
            payload.put("cancelled_publications", cancelled);
            payload.put("arms", r.arms().stream().map(a -> Map.of("arm_id", a.armId(), "scored", a.scored(),
                    "mean", a.mean(), "probability_best", a.probabilityBest())).toList());
            ledger.append(new LedgerEvent.New(ws, actor, EventType.EXPERIMENT_STOPPED, "experiment",
                    String.valueOf(r.experiment().id()), null, payload));
        }
        return n;
    }
}
