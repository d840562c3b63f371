package io.socialsync.publish.orchestrator;

import io.socialsync.accounts.SocialAccount;
import io.socialsync.accounts.SocialAccounts;
import io.socialsync.domain.NotFound;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.platforms.Platform;
import io.socialsync.platforms.PlatformSettings;
import io.socialsync.publish.Publication;
import io.socialsync.publish.PublicationState;
import io.socialsync.publish.Publications;
import io.socialsync.publish.PublishEvents;
import io.socialsync.publish.runs.MediaSource;
import io.socialsync.publish.runs.PublishOutcomes;
import io.socialsync.publish.runs.RateBudgets;
import io.socialsync.storage.Storage;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The external orchestrator's side of publishing (n8n, a script): claim the next due external publication under
 * a lease, then report it posted or failed. Reports are idempotent: the same report twice answers the same.
 * The API and the {@code socialsync publish} CLI both go through here.
 */
@NamedInterface("orchestrator")
@Service
public class Orchestrator {
    static final int CLAIM_TRIES = 20;
    private final Leases leases;
    private final Publications rows;
    private final SocialAccounts accounts;
    private final MediaSource media;
    private final OrchestratorReports reports;
    private final PublishOutcomes outcomes;
    private final PublishEvents events;
    private final PlatformSettings settings;
    private final RateBudgets budgets;
    private final Clock clock;

    public Orchestrator(Leases leases, Publications rows, SocialAccounts accounts, MediaSource media,
                        OrchestratorReports reports, PublishOutcomes outcomes, PublishEvents events,
                        PlatformSettings settings, RateBudgets budgets, Clock clock) {
        this.leases = leases;
        this.rows = rows;
        this.accounts = accounts;
        this.media = media;
        this.reports = reports;
        this.outcomes = outcomes;
        this.events = events;
        this.settings = settings;
        this.budgets = budgets;
        this.clock = clock;
    }

    /** What a poster needs; {@code videoUrl} is signed and outlives the lease by the configured URL lifetime. */
    public record Claim(Publication publication, SocialAccount account, String leaseToken, Instant leaseExpiresAt,
                        URI videoUrl, long videoSizeBytes, Long durationMs, long variantId) {
    }

    /**
     * The next due external publication whose account has room in its rolling 24-hour budget (the one our own
     * publisher keeps, {@link RateBudgets}): a post of a full account is skipped and stays due, and the next
     * eligible one is handed out. The account is locked before the budget is counted and the row taken, so two
     * callers cannot both take an account's last post of the day.
     */
    @Transactional
    public Optional<Claim> next(long ws, Platform platform, Duration lease, Actor actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Set<Long> full = new HashSet<>();
        for (int lost = 0; lost < CLAIM_TRIES; ) {
            var candidate = leases.candidate(ws, platform, now, full);
            if (candidate.isEmpty()) {
                return Optional.empty();
            }
            var c = candidate.get();
            var account = accounts.lockById(ws, c.accountId()).orElse(null);
            if (account != null && !c.inFlight() && !budgets.check(account, now).allowed()) {
                full.add(account.id());
                continue;
            }
            var before = rows.byId(ws, c.id()).orElseThrow();
            var found = media.of(before);
            if (!c.inFlight() && found instanceof MediaSource.Missing m && m.rendering()) {
                full.add(c.accountId()); // its file is on the way: the account's posts wait for it, in their order
                continue;
            }
            String token = UUID.randomUUID().toString();
            if (!leases.take(ws, before.id(), token, now, now.plus(lease))) {
                lost++; // another caller took it between our read and our write
                continue;
            }
            if (found instanceof MediaSource.Missing missing) {
                outcomes.fail(rows.byId(ws, before.id()).orElseThrow(), missing.reason(), actor);
                leases.clear(ws, before.id());
                continue;
            }
            var ready = (MediaSource.Ready) found;
            var ttl = lease.plus(settings.videoUrlTtl());
            URI url = ready.media().signedUrl(ttl.compareTo(Storage.MAX_URL_TTL) > 0 ? Storage.MAX_URL_TTL : ttl);
            var claimed = rows.byId(ws, before.id()).orElseThrow();
            var payload = PublishEvents.base(claimed);
            payload.put("previous_status", before.state().wire());
            payload.put("lease_expires_at", now.plus(lease).toString());
            events.record(claimed, actor, EventType.PUBLISH_CLAIMED, payload);
            return Optional.of(new Claim(claimed, account, token, now.plus(lease), url, ready.media().sizeBytes(),
                    ready.media().durationMs(), ready.variant().id()));
        }
        return Optional.empty();
    }

    @Transactional
    public Publication posted(long ws, long id, String externalId, String url, String leaseToken, Actor actor) {
        var p = rows.lockById(ws, id).orElseThrow(() -> new NotFound("publication", id));
        if (reports.posted(p, externalId, leaseToken)) {
            outcomes.posted(ws, id, p.state(), externalId, url, actor);
        }
        return rows.byId(ws, id).orElseThrow();
    }

    @Transactional
    public Publication failed(long ws, long id, String reason, boolean retry, String leaseToken, Actor actor) {
        var p = rows.lockById(ws, id).orElseThrow(() -> new NotFound("publication", id));
        String why = reason == null || reason.isBlank() ? "the orchestrator reported a failure" : reason.strip();
        switch (reports.failed(p, retry, leaseToken)) {
            case RELEASE -> {
                rows.transition(p, PublicationState.PENDING, clock.instant().truncatedTo(ChronoUnit.MICROS), null, why);
                leases.clear(ws, id);
                var payload = PublishEvents.base(p);
                payload.put("reason", why);
                events.record(p, actor, EventType.PUBLISH_RELEASED, payload);
            }
            case FAIL -> {
                outcomes.fail(p, why, actor);
                leases.clear(ws, id);
            }
            case SAME -> {
            }
        }
        return rows.byId(ws, id).orElseThrow();
    }
}
