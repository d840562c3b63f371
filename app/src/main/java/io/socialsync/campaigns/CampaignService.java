package io.socialsync.campaigns;

import io.socialsync.domain.Conflict;
import io.socialsync.domain.IdempotencyKeys;
import io.socialsync.domain.Invalid;
import io.socialsync.domain.NotFound;
import io.socialsync.jobs.JobQueue;
import io.socialsync.jobs.JobRequest;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.platforms.Platform;
import io.socialsync.publish.PublicationState;
import io.socialsync.publish.Publications;
import io.socialsync.publish.PublishRuns;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Campaigns of a workspace. A new campaign is checked, then weighed against the caps under the ad account's row
 * lock, and stored with its CAMPAIGN_SYNC job in one transaction: a request over a cap is refused before any call
 * to Meta, and concurrent requests are weighed one after the other. Pause, resume and stop record what the person
 * wants and queue a sync that makes Meta agree.
 */
@Service
public class CampaignService {
    static final String CAMPAIGN_CAP = "Campaign cap exceeded";
    static final String SPEND_CAP = "Spend cap exceeded";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Campaigns rows;
    private final AdAccounts accounts;
    private final CampaignMetrics metrics;
    private final CampaignEvents events;
    private final Publications publications;
    private final PublishRuns runs;
    private final JobQueue queue;
    private final CampaignSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;

    CampaignService(Campaigns rows, AdAccounts accounts, CampaignMetrics metrics, CampaignEvents events,
                    Publications publications, PublishRuns runs, JobQueue queue, CampaignSettings settings,
                    TransactionTemplate tx, Clock clock) {
        this.rows = rows;
        this.accounts = accounts;
        this.metrics = metrics;
        this.events = events;
        this.publications = publications;
        this.runs = runs;
        this.queue = queue;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
    }

    /** @param created false when the idempotency key named an existing campaign, which is returned as is */
    public record Created(Campaign campaign, boolean created) {
    }

    public Created create(long workspaceId, CampaignRequest request, Actor actor) {
        var post = post(workspaceId, request);
        return tx.execute(status -> {
            var account = accounts.lock(workspaceId).orElseThrow(() -> new Conflict("the workspace has no ad "
                    + "account: connect one first (PUT /ad-account)"));
            if (request.idempotencyKey() != null) {
                var existing = rows.byIdempotencyKey(workspaceId, request.idempotencyKey());
                if (existing.isPresent()) {
                    if (!sameRequest(existing.get(), request)) {
                        throw IdempotencyKeys.reused("campaign " + existing.get().id());
                    }
                    return new Created(existing.get(), false);
                }
            }
            if (AdAccount.NEEDS_REAUTH.equals(account.status())) {
                throw new Conflict("the ad account needs reconnecting (" + account.statusReason() + "): PUT "
                        + "/ad-account with a new token");
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            var plan = CampaignChecks.plan(request, account, post, now, settings.maxDays());
            if (plan.committedMinor() > account.campaignCapMinor()) {
                throw new Invalid(Invalid.Kind.UNPROCESSABLE, CAMPAIGN_CAP, "this campaign could spend "
                        + plan.committedMinor() + " " + account.currency() + " minor units, over the per-campaign "
                        + "cap of " + account.campaignCapMinor() + ": lower the budget or the days, or raise "
                        + "campaign_cap_minor");
            }
            long committed = rows.committed(workspaceId);
            if (committed + plan.committedMinor() > account.spendCapMinor()) {
                throw new Invalid(Invalid.Kind.UNPROCESSABLE, SPEND_CAP, "campaigns already commit "
                        + committed + " of the workspace's spend cap of " + account.spendCapMinor() + " "
                        + account.currency() + " minor units; this one would add " + plan.committedMinor()
                        + ": lower the budget or the days, or raise spend_cap_minor");
            }
            String tag = "ss" + HexFormat.of().formatHex(bytes());
            String name = plan.name() != null ? plan.name() : "Boost " + plan.postPlatform() + " " + plan.postId();
            long id = rows.insert(workspaceId, account.id(), tag, name, plan,
                    plan.endsAt().plus(settings.settleDelay()), now);
            var campaign = rows.byId(workspaceId, id).orElseThrow();
            var payload = new LinkedHashMap<String, Object>();
            payload.put("objective", plan.objective());
            payload.put("budget_kind", plan.budgetKind());
            payload.put("budget_minor", plan.budgetMinor());
            payload.put("currency", plan.currency());
            payload.put("committed_minor", plan.committedMinor());
            payload.put("workspace_committed_minor", committed + plan.committedMinor());
            events.record(campaign, actor, null, EventType.CAMPAIGN_REQUESTED, payload);
            queue.enqueue(sync(campaign, "create"), actor);
            return new Created(campaign, true);
        });
    }

    /**
     * Boost a posted publication: {@code OUTCOME_ENGAGEMENT}, a daily budget for {@code days} days from now, ages
     * 18–65 in {@code countries}, under the same caps as any campaign. For rules that boost winners: the same
     * {@code idempotencyKey} never boosts twice.
     */
    public Created boost(long workspaceId, long publicationId, long dailyBudgetMinor, int days,
                         List<String> countries, String idempotencyKey, Actor actor) {
        Instant now = clock.instant();
        return create(workspaceId, new CampaignRequest(null, publicationId, null, null, "OUTCOME_ENGAGEMENT", null,
                null, List.of(), "daily", dailyBudgetMinor, null, null, now.plus(Duration.ofDays(days)), countries,
                null, null, List.of(), idempotencyKey), actor);
    }

    /** Whether a refusal was a cap's: the request was fine, the money was not there. */
    static boolean capRefusal(Invalid refusal) {
        return refusal.kind() == Invalid.Kind.UNPROCESSABLE
                && (CAMPAIGN_CAP.equals(refusal.title()) || SPEND_CAP.equals(refusal.title()));
    }

    /** What a repeated request must repeat: the post it boosts and its budget (the fields given are stored as is). */
    private static boolean sameRequest(Campaign earlier, CampaignRequest request) {
        return (request.publicationId() == null || request.publicationId().equals(earlier.publicationId()))
                && (request.postId() == null || request.postId().equals(earlier.postId()))
                && (request.budgetMinor() == null || request.budgetMinor() == earlier.budgetMinor());
    }

    /** The campaign a request with this idempotency key made, if any. */
    Optional<Campaign> byIdempotencyKey(long workspaceId, String key) {
        return rows.byIdempotencyKey(workspaceId, key);
    }

    public Campaign get(long workspaceId, long id) {
        return rows.byId(workspaceId, id).orElseThrow(() -> new NotFound("campaign", id));
    }

    public List<Campaign> page(long workspaceId, Long before, int limit) {
        return rows.page(workspaceId, before, limit);
    }

    /** What each campaign spent by its latest reading (minor units), for those read at least once. */
    public Map<Long, Long> latestSpend(long workspaceId, Collection<Long> ids) {
        return metrics.latestSpend(workspaceId, ids);
    }

    public List<CampaignReading> metrics(long workspaceId, long id, Instant since, int limit) {
        get(workspaceId, id);
        return metrics.series(workspaceId, id, since == null ? Instant.EPOCH : since, limit);
    }

    public Campaign pause(long workspaceId, long id, Actor actor) {
        return desire(workspaceId, id, CampaignState.PAUSED, EventType.CAMPAIGN_PAUSE_REQUESTED, actor);
    }

    public Campaign resume(long workspaceId, long id, Actor actor) {
        return desire(workspaceId, id, CampaignState.ACTIVE, EventType.CAMPAIGN_RESUME_REQUESTED, actor);
    }

    /** Final: Meta's campaign is paused for good, and SocialSync reads it one last time. */
    public Campaign stop(long workspaceId, long id, Actor actor) {
        return desire(workspaceId, id, CampaignState.STOPPED, EventType.CAMPAIGN_STOP_REQUESTED, actor);
    }

    private Campaign desire(long workspaceId, long id, CampaignState desired, EventType event, Actor actor) {
        return tx.execute(status -> {
            var c = rows.lock(workspaceId, id).orElseThrow(() -> new NotFound("campaign", id));
            if (!c.state().live()) {
                throw new Conflict("campaign " + id + " is " + c.state().wire() + (c.statusReason() == null ? ""
                        : " (" + c.statusReason() + ")") + ": create a new one");
            }
            if (c.desired() == CampaignState.STOPPED) {
                throw new Conflict("campaign " + id + " is being stopped");
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            // resuming a campaign whose build gave up queues a new build: everything made so far is kept
            boolean again = c.desired() == desired && c.state() == CampaignState.CREATING;
            if (c.desired() != desired || again) {
                rows.desire(workspaceId, id, desired, now);
                events.record(c, actor, null, event, Map.of("from", c.desired().wire(), "to", desired.wire()));
                queue.enqueue(sync(c, desired.wire() + "-" + now.toEpochMilli()), actor);
            }
            return rows.byId(workspaceId, id).orElseThrow();
        });
    }

    private static JobRequest sync(Campaign c, String why) {
        return CampaignSyncHandler.JOB.request(c.workspaceId(), new CampaignSyncHandler.Payload(c.id()))
                .withIdempotencyKey("campaign-sync-" + c.id() + "-" + why);
    }

    /** The post to boost: a posted Instagram or Facebook publication of this workspace, or one named directly. */
    private CampaignChecks.Post post(long workspaceId, CampaignRequest r) {
        if (r.publicationId() != null) {
            var p = publications.byId(workspaceId, r.publicationId())
                    .orElseThrow(() -> Invalid.field("publication_id", "no such publication in this workspace"));
            if (p.platform() != Platform.INSTAGRAM && p.platform() != Platform.FACEBOOK) {
                throw Invalid.field("publication_id", "only Instagram and Facebook posts can be boosted on Meta");
            }
            if (p.state() != PublicationState.POSTED) {
                throw Invalid.field("publication_id", "the publication is " + p.state().wire() + ", not posted");
            }
            String external = runs.resultOf(workspaceId, p.id()).map(PublishRuns.Result::externalId)
                    .filter(s -> !s.isBlank()).orElseThrow(() -> Invalid.field("publication_id",
                            "the post's platform id is not known"));
            if (p.platform() == Platform.INSTAGRAM) {
                return new CampaignChecks.Post("instagram", external);
            }
            String page = accounts.of(workspaceId).map(AdAccount::pageId).orElse(null);
            return new CampaignChecks.Post("facebook", external.contains("_") || page == null ? external
                    : page + "_" + external);
        }
        String platform = Optional.ofNullable(r.postPlatform()).map(String::trim).orElse("");
        String postId = Optional.ofNullable(r.postId()).map(String::trim).orElse("");
        if (!platform.equals("instagram") && !platform.equals("facebook")) {
            throw Invalid.field("post", "give publication_id, or post_platform (instagram or facebook) and post_id");
        }
        String pattern = platform.equals("instagram") ? "\\d{1,40}" : "\\d{1,40}_\\d{1,40}";
        if (!postId.matches(pattern)) {
            throw Invalid.field("post_id", platform.equals("instagram") ? "the Instagram media id (digits)"
                    : "the Page post id, PAGEID_POSTID");
        }
        return new CampaignChecks.Post(platform, postId);
    }

    private static byte[] bytes() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return b;
    }
}
