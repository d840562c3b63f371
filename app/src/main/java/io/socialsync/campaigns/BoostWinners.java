package io.socialsync.campaigns;

import io.socialsync.domain.Conflict;
import io.socialsync.domain.Invalid;
import io.socialsync.insights.Checkpoint;
import io.socialsync.learning.OutcomeScoring;
import io.socialsync.learning.Standing;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Boost the winners": the workspace's rule, and its one decision per post scored at 24 h. A post in its account's
 * top share is boosted through {@link CampaignService#boost} with an idempotency key named after the publication,
 * so it is never boosted twice; a cap refusal is a decision like any other, recorded once and never retried. Every
 * decision is a ledger event on the publication with its evidence (score, percentile, threshold).
 */
@Service
public class BoostWinners {
    static final Actor ACTOR = Actor.worker("boost-winners");
    private final BoostRules rules;
    private final CampaignService campaigns;
    private final AdAccounts accounts;
    private final Campaigns rows;
    private final OutcomeScoring scoring;
    private final CampaignSettings settings;
    private final Ledger ledger;
    private final TransactionTemplate tx;
    private final Clock clock;

    BoostWinners(BoostRules rules, CampaignService campaigns, AdAccounts accounts, Campaigns rows,
                 OutcomeScoring scoring, CampaignSettings settings, Ledger ledger, TransactionTemplate tx, Clock clock) {
        this.rules = rules;
        this.campaigns = campaigns;
        this.accounts = accounts;
        this.rows = rows;
        this.scoring = scoring;
        this.settings = settings;
        this.ledger = ledger;
        this.tx = tx;
        this.clock = clock;
    }

    /** A change of the rule: absent fields keep their value. */
    public record Change(Boolean enabled, Integer topPercent, Long dailyBudgetMinor, Integer days,
                         java.util.List<String> countries, Integer minPosts) {
    }

    /** @param decision boosted, skipped or refused; {@code campaignId} when boosted */
    public record Decision(String decision, String reason, Long campaignId) {
    }

    public BoostRule rule(long ws) {
        return rules.of(ws);
    }

    public BoostRule save(long ws, Change c, Actor actor) {
        return tx.execute(status -> {
            var old = rules.of(ws);
            var countries = c.countries() == null ? old.countries()
                    : c.countries().stream().map(s -> s == null ? "" : s.trim().toUpperCase(Locale.ROOT)).distinct()
                    .toList();
            var r = new BoostRule(c.enabled() != null ? c.enabled() : old.enabled(),
                    c.topPercent() != null ? c.topPercent() : old.topPercent(),
                    c.dailyBudgetMinor() != null ? c.dailyBudgetMinor() : old.dailyBudgetMinor(),
                    c.days() != null ? c.days() : old.days(), countries,
                    c.minPosts() != null ? c.minPosts() : old.minPosts(), now(), actor.value());
            check(ws, r);
            rules.save(ws, r);
            var payload = new LinkedHashMap<String, Object>();
            payload.put("enabled", r.enabled());
            payload.put("top_percent", r.topPercent());
            payload.put("daily_budget_minor", r.dailyBudgetMinor());
            payload.put("days", r.days());
            payload.put("countries", r.countries());
            payload.put("min_posts", r.minPosts());
            ledger.append(new LedgerEvent.New(ws, actor, EventType.BOOST_RULE_CHANGED, "boost_rule",
                    String.valueOf(ws), null, payload));
            return r;
        });
    }

    private void check(long ws, BoostRule r) {
        var errors = new Invalid.Collector();
        if (r.topPercent() < 1 || r.topPercent() > 50) {
            errors.add("top_percent", "1 to 50: the share of an account's best posts to boost");
        }
        if (r.minPosts() < 5 || r.minPosts() > 1000) {
            errors.add("min_posts", "5 to 1000 scored posts to rank a post against: fewer are not evidence");
        }
        if (r.days() < 1 || r.days() > settings.maxDays()) {
            errors.add("days", "1 to " + settings.maxDays());
        }
        if (r.countries().size() > 25 || r.countries().stream().anyMatch(s -> !CampaignChecks.isCountry(s))) {
            errors.add("countries", "at most 25 ISO 3166-1 alpha-2 country codes");
        }
        if (r.dailyBudgetMinor() < 0) {
            errors.add("daily_budget_minor", "must not be negative");
        }
        if (r.enabled()) {
            if (r.countries().isEmpty()) {
                errors.add("countries", "required to turn the rule on: where the boosts are shown");
            }
            var account = accounts.of(ws);
            if (account.isEmpty()) {
                errors.add("enabled", "the workspace has no ad account: connect one first (PUT /ad-account)");
            } else {
                var a = account.get();
                long smallest = Currencies.smallestBudget(a.currency());
                long boost = r.days() < 1 ? 0 : multiply(r.dailyBudgetMinor(), r.days());
                long spent = rows.spent(ws);
                if (r.dailyBudgetMinor() < smallest) {
                    errors.add("daily_budget_minor", "at least " + smallest + " (" + a.currency() + " minor units)");
                } else if (boost > a.campaignCapMinor()) {
                    errors.add("daily_budget_minor", "a boost would commit " + boost + ", over the per-campaign cap "
                            + "of " + a.campaignCapMinor() + ": every boost would be refused");
                } else if (boost > a.spendCapMinor() - spent) {
                    // spent money never comes back to the cap; room held by running campaigns does, so that is fine
                    errors.add("daily_budget_minor", "a boost would commit " + boost + ", over the workspace's spend "
                            + "cap of " + a.spendCapMinor() + (spent == 0 ? "" : " less the " + spent + " its "
                            + "campaigns have already spent") + ": every boost would be refused; lower "
                            + "daily_budget_minor or days, or raise spend_cap_minor");
                }
            }
        }
        errors.throwIfAny();
    }

    private static long multiply(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Decides once whether to boost a publication scored at 24 h. Nothing is decided before the post has its 24 h
     * score; after a decision, later calls return it. A boost whose decision was not recorded (a crash between the
     * two) is found by its idempotency key and recorded as boosted.
     */
    public Optional<Decision> decide(long ws, long publicationId) {
        var taken = rules.decision(ws, publicationId);
        if (taken.isPresent()) {
            return Optional.of(new Decision(taken.get(), "decided before", null));
        }
        var standing = scoring.standing(ws, publicationId, Checkpoint.H24);
        if (standing.isEmpty()) {
            return Optional.empty();
        }
        var rule = rules.of(ws);
        var s = standing.get();
        String key = "boost-winner-" + publicationId;
        var made = campaigns.byIdempotencyKey(ws, key);
        if (made.isPresent()) {
            return Optional.of(record(ws, s, rule, new Decision("boosted", "boosted earlier", made.get().id())));
        }
        String skip = reasonToSkip(rule, s);
        if (skip != null) {
            return Optional.of(record(ws, s, rule, new Decision("skipped", skip, null)));
        }
        Decision d;
        try {
            var created = campaigns.boost(ws, publicationId, rule.dailyBudgetMinor(), rule.days(), rule.countries(),
                    key, ACTOR);
            d = new Decision("boosted", String.format(Locale.ROOT, "percentile %.2f reaches the rule's %.2f (top %d%%)",
                    s.percentile(), rule.threshold(), rule.topPercent()), created.campaign().id());
        } catch (Invalid e) {
            d = CampaignService.capRefusal(e) ? new Decision("refused", e.title() + ": " + e.detail(), null)
                    : new Decision("skipped", "the boost was refused: " + detail(e), null);
        } catch (Conflict e) {
            d = new Decision("skipped", "the boost was refused: " + e.detail(), null);
        }
        return Optional.of(record(ws, s, rule, d));
    }

    private static String reasonToSkip(BoostRule rule, Standing s) {
        if (!rule.enabled()) {
            return "the boost rule is off";
        }
        if (!s.platform().equals("instagram") && !s.platform().equals("facebook")) {
            return "only Instagram and Facebook posts can be boosted on Meta";
        }
        if (s.comparedPosts() < rule.minPosts() || s.percentile() == null) {
            return "ranked against " + s.comparedPosts() + " scored posts of its account; the rule needs "
                    + rule.minPosts();
        }
        if (s.percentile() < rule.threshold()) {
            return String.format(Locale.ROOT, "percentile %.2f is below the rule's %.2f (top %d%%)", s.percentile(),
                    rule.threshold(), rule.topPercent());
        }
        return null;
    }

    private Decision record(long ws, Standing s, BoostRule rule, Decision d) {
        try {
            tx.executeWithoutResult(status -> {
                rules.decide(ws, s.publicationId(), d.decision(), cut(d.reason()), d.campaignId(), now());
                var payload = new LinkedHashMap<String, Object>();
                payload.put("decision", d.decision());
                payload.put("reason", d.reason());
                payload.put("campaign_id", d.campaignId() == null ? null : String.valueOf(d.campaignId()));
                payload.put("social_account_id", s.socialAccountId());
                payload.put("platform", s.platform());
                payload.put("checkpoint", s.checkpoint());
                payload.put("score", s.score());
                payload.put("account_percentile", s.percentile());
                payload.put("compared_posts", s.comparedPosts());
                payload.put("threshold", rule.threshold());
                payload.put("top_percent", rule.topPercent());
                payload.put("min_posts", rule.minPosts());
                payload.put("daily_budget_minor", rule.dailyBudgetMinor());
                payload.put("days", rule.days());
                payload.put("countries", rule.countries());
                ledger.append(new LedgerEvent.New(ws, ACTOR, TYPES.get(d.decision()), "publication",
                        String.valueOf(s.publicationId()), null, payload));
            });
            return d;
        } catch (DuplicateKeyException raced) {
            return new Decision(rules.decision(ws, s.publicationId()).orElseThrow(), "decided by another run", null);
        }
    }

    private static final Map<String, EventType> TYPES = Map.of("boosted", EventType.WINNER_BOOSTED,
            "skipped", EventType.WINNER_BOOST_SKIPPED, "refused", EventType.WINNER_BOOST_REFUSED);

    private static String detail(Invalid e) {
        if (e.errors().isEmpty()) {
            return e.detail();
        }
        var parts = new ArrayList<String>();
        e.errors().forEach(f -> parts.add(f.field() + ": " + f.message()));
        return parts.stream().collect(Collectors.joining("; "));
    }

    private static String cut(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 999) + "…";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
