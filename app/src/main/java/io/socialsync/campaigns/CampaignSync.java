package io.socialsync.campaigns;

import io.socialsync.jobs.JobFailure;
import io.socialsync.jobs.JobQueue;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.platforms.AdInsights;
import io.socialsync.platforms.AdsApi;
import io.socialsync.platforms.AdsCall;
import io.socialsync.platforms.AdsFailure;
import io.socialsync.secrets.SecretBox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One CAMPAIGN_SYNC run: build what is not built yet ({@link CampaignBuild}) and activate it last, so a half-built
 * campaign never spends; make Meta's status what the person asked for; read the status and lifetime insights into
 * the time series, and go on reading a stopped or ended one until a reading late enough for its spend to be final
 * (Meta reports spend late; the spend cap counts its whole commitment until then). One run per campaign at a time:
 * it holds the row's sync lease, and every write checks it.
 */
@Component
class CampaignSync {
    /** Longer than the job's timeout: a run never outlives its lease, a dead run's lease lapses soon after. */
    static final Duration LEASE = Duration.ofMinutes(10);
    private static final Actor ACTOR = Actor.worker("campaigns");
    private final Campaigns rows;
    private final AdAccounts accounts;
    private final AdAccountService accountService;
    private final CampaignMetrics metrics;
    private final CampaignEvents events;
    private final AdsApi ads;
    private final SecretBox secrets;
    /** A provider: the queue knows every handler, and this one's runs queue their successors. */
    private final ObjectProvider<JobQueue> queue;
    private final TransactionTemplate tx;
    private final CampaignSettings settings;
    private final Clock clock;

    CampaignSync(Campaigns rows, AdAccounts accounts, AdAccountService accountService, CampaignMetrics metrics,
                 CampaignEvents events, AdsApi ads, SecretBox secrets, ObjectProvider<JobQueue> queue, TransactionTemplate tx,
                 CampaignSettings settings, Clock clock) {
        this.rows = rows;
        this.accounts = accounts;
        this.accountService = accountService;
        this.metrics = metrics;
        this.events = events;
        this.ads = ads;
        this.secrets = secrets;
        this.queue = queue;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    Map<String, Object> run(long ws, long id, Long jobId) {
        var c = rows.byId(ws, id).orElse(null);
        if (c == null || c.state() == CampaignState.FAILED || c.settled()) {
            return Map.of("skipped", c == null ? "campaign missing" : c.settled() ? "its spend is final"
                    : "campaign is " + c.state().wire());
        }
        var account = accounts.of(ws).orElseThrow(() -> new JobFailure("the workspace has no ad account"));
        if (AdAccount.NEEDS_REAUTH.equals(account.status())) {
            throw new JobFailure("the ad account needs reconnecting (" + account.statusReason() + "): PUT "
                    + "/ad-account with a new token, then POST /campaigns/" + id + "/resume");
        }
        String lease = UUID.randomUUID().toString();
        Instant now = clock.instant();
        if (!rows.takeLease(ws, id, lease, now.plus(LEASE), now)) {
            throw new SyncStop.Retry("another sync of campaign " + id + " is running: this one tries again later");
        }
        try {
            var fresh = rows.byId(ws, id).orElseThrow();
            var journal = new CampaignJournal(fresh, lease, rows, events, tx, clock, ACTOR, jobId);
            var auth = new AdsApi.Auth(account.accountId(), secrets.open(account.accessTokenEnc()));
            try {
                return sync(fresh, account, auth, journal, jobId);
            } catch (SyncStop.Refused refused) {
                return refused(rows.byId(ws, id).orElseThrow(), refused.failure, journal, jobId);
            }
        } finally {
            rows.releaseLease(ws, id, lease);
        }
    }

    private Map<String, Object> sync(Campaign c, AdAccount account, AdsApi.Auth auth, CampaignJournal journal,
                                     Long jobId) {
        if (c.state() == CampaignState.CREATING && c.desired() == CampaignState.STOPPED) {
            // stopped before it was built: nothing more is made, and what exists is PAUSED, unless an activation
            // was in flight; then the campaign is paused again and its spend is read once settled
            Instant now = journal.now();
            boolean mayHaveRun = "activate".equals(c.step()) && c.remoteCampaignId() != null;
            if (mayHaveRun) {
                status(auth, c.remoteCampaignId(), "PAUSED");
            }
            Instant settles = mayHaveRun ? now.plus(settings.settleDelay()) : now;
            var next = finalReading(c, settles);
            var finished = journal.finished(true, now, settles);
            journal.settle(CampaignState.STOPPED, null, null, !mayHaveRun, EventType.CAMPAIGN_BUILT,
                    Map.of("state", "stopped"), mayHaveRun ? () -> {
                        finished.run();
                        next.run();
                    } : finished);
            return Map.of("state", "stopped");
        }
        if (c.state() == CampaignState.CREATING) {
            var ids = new CampaignBuild(ads, auth, account, journal).run(c);
            c = reread(c);
            var target = c.desired();
            if (target == CampaignState.ACTIVE) {
                journal.intent("activate");
                activate(auth, ids[3], ids[1], ids[0]);
                journal.recorded("activate", null, "done");
            }
            var payload = new LinkedHashMap<String, Object>();
            payload.put("remote_campaign_id", ids[0]);
            payload.put("remote_ad_id", ids[3]);
            payload.put("state", target.wire());
            journal.settle(target, null, null, false, target == CampaignState.ACTIVE ? EventType.CAMPAIGN_ACTIVATED
                    : EventType.CAMPAIGN_BUILT, payload, null);
            c = reread(c);
        }
        for (int i = 0; i < 3 && c.state() != c.desired(); i++) {
            if (c.desired() == CampaignState.ACTIVE) {
                activate(auth, c.remoteAdId(), c.remoteAdsetId(), c.remoteCampaignId());
            } else {
                status(auth, c.remoteCampaignId(), "PAUSED");
            }
            Instant now = journal.now();
            journal.settle(c.desired(), null, null, false, EventType.CAMPAIGN_STATUS_APPLIED, Map.of("from",
                    c.state().wire(), "to", c.desired().wire()), c.desired() == CampaignState.STOPPED
                    ? journal.finished(true, now, now.plus(settings.settleDelay())) : null);
            c = reread(c);
        }
        return read(c, auth, journal, jobId);
    }

    private Map<String, Object> read(Campaign c, AdsApi.Auth auth, CampaignJournal journal, Long jobId) {
        var insights = switch (ads.insights(auth, c.remoteCampaignId())) {
            case AdsCall.Done<AdInsights> d -> d.value();
            case AdsCall.Failed<AdInsights> f -> throw new SyncStop.Refused(f.failure());
            case AdsCall.Unknown<AdInsights> u -> throw new SyncStop.Retry("Meta did not answer the insights request ("
                    + u.detail() + ")");
        };
        Instant now = journal.now();
        var reading = reading(c, insights, now);
        // ended: past its end, or deleted or archived on Meta; its spend is final from a reading settleDelay later
        boolean gone = "DELETED".equals(reading.effectiveStatus()) || "ARCHIVED".equals(reading.effectiveStatus());
        Instant endedAt = c.endedAt() != null ? c.endedAt() : !now.isBefore(c.endsAt()) ? c.endsAt()
                : gone ? now : null;
        Instant settlesAt = endedAt == null ? c.settlesAt() : min(c.settlesAt(), endedAt.plus(settings.settleDelay()));
        boolean finished = endedAt != null || c.stoppedAt() != null;
        boolean settled = finished && !now.isBefore(settlesAt);
        var payload = new LinkedHashMap<String, Object>();
        payload.put("effective_status", reading.effectiveStatus());
        payload.put("spend_minor", reading.spendMinor());
        payload.put("impressions", reading.impressions());
        payload.put("results", reading.results());
        if (finished) {
            payload.put("spend_final", settled);
        }
        journal.settle(c.state(), reading.effectiveStatus(), null, true, EventType.CAMPAIGN_SYNCED, payload, () -> {
            metrics.insert(c.workspaceId(), c.id(), reading, jobId);
            if (endedAt != null && c.endedAt() == null) {
                journal.finished(false, endedAt, settlesAt).run();
            }
            if (finished && !settled) {
                finalReading(c, settlesAt).run();
            }
        });
        var result = new LinkedHashMap<String, Object>(payload);
        result.put("state", c.state().wire());
        return result;
    }

    /** The run that reads the campaign's final spend, at the time it settles: the sweep retakes it if it fails. */
    private Runnable finalReading(Campaign c, Instant at) {
        var next = CampaignSyncHandler.JOB.request(c.workspaceId(), new CampaignSyncHandler.Payload(c.id()))
                .at(at).withIdempotencyKey("campaign-sync-" + c.id() + "-final-" + at.getEpochSecond());
        return () -> queue.getObject().enqueue(next, ACTOR);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static CampaignReading reading(Campaign c, AdInsights i, Instant at) {
        long spend = Currencies.toMinor(i.spend(), c.currency());
        long results = Objectives.results(c.optimizationGoal(), i);
        return new CampaignReading(at, i.effectiveStatus(), spend, i.impressions(), i.reach(), i.videoPlays(),
                i.thruplays(), results, results > 0 ? Math.round((double) spend / results) : null);
    }

    /** Inside out: the ad and its ad set first, the campaign last, so nothing runs before everything is set. */
    private void activate(AdsApi.Auth auth, String adId, String adsetId, String campaignId) {
        status(auth, adId, "ACTIVE");
        status(auth, adsetId, "ACTIVE");
        status(auth, campaignId, "ACTIVE");
    }

    private void status(AdsApi.Auth auth, String objectId, String status) {
        switch (ads.setStatus(auth, objectId, status)) {
            case AdsCall.Done<Boolean> d -> {
            }
            case AdsCall.Failed<Boolean> f -> throw new SyncStop.Refused(f.failure());
            case AdsCall.Unknown<Boolean> u -> throw new SyncStop.Retry("Meta did not answer setting " + objectId
                    + " " + status + " (" + u.detail() + "): the next attempt sets it again");
        }
    }

    private Map<String, Object> refused(Campaign c, AdsFailure f, CampaignJournal journal, Long jobId) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT));
        payload.put("reason", f.message());
        payload.put("step", c.step());
        switch (f.kind()) {
            case REAUTH -> {
                accountService.needsReauth(c.workspaceId(), f.message(), ACTOR);
                journal.settle(c.state(), null, f.message(), false, EventType.CAMPAIGN_SYNC_REFUSED, payload, null);
                throw new JobFailure(f.message());
            }
            case TEMPORARY -> throw new SyncStop.Retry(f.message());
            case RATE_LIMITED -> {
                Instant at = clock.instant().plus(f.retryAfter() == null ? Duration.ofMinutes(5) : f.retryAfter());
                payload.put("retry_at", at.toString());
                var next = CampaignSyncHandler.JOB.request(c.workspaceId(), new CampaignSyncHandler.Payload(c.id()))
                        .at(at).withIdempotencyKey("campaign-sync-" + c.id() + "-after-" + at.getEpochSecond());
                journal.settle(c.state(), null, f.message(), false, EventType.CAMPAIGN_DEFERRED, payload,
                        () -> queue.getObject().enqueue(next, ACTOR));
                return Map.of("deferred_until", at.toString(), "reason", f.message());
            }
            default -> {
                if (c.state() == CampaignState.CREATING) {
                    // every object made so far is PAUSED: a failed campaign spends nothing and no longer counts
                    journal.settle(CampaignState.FAILED, null, f.message(), false, EventType.CAMPAIGN_FAILED, payload, null);
                    return Map.of("state", "failed", "reason", f.message());
                }
                journal.settle(c.state(), null, f.message(), false, EventType.CAMPAIGN_SYNC_REFUSED, payload, null);
                throw new JobFailure(f.message());
            }
        }
    }

    private Campaign reread(Campaign c) {
        return rows.byId(c.workspaceId(), c.id()).orElseThrow();
    }
}
