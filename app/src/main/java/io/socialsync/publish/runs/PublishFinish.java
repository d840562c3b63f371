package io.socialsync.publish.runs;

import io.socialsync.accounts.SocialAccountService;
import io.socialsync.accounts.SocialAccounts;
import io.socialsync.jobs.Job;
import io.socialsync.jobs.JobFailure;
import io.socialsync.ledger.Actor;
import io.socialsync.platforms.PlatformSettings;
import io.socialsync.platforms.PublishOutcome;
import io.socialsync.publish.Publication;
import io.socialsync.publish.PublicationState;
import io.socialsync.publish.Publications;
import io.socialsync.publish.PublishRuns;
import io.socialsync.publish.scheduling.Deferral;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a publisher's outcome into the publication's next state. Posted → POSTED. Failed: token refused → FAILED
 * and the account {@code needs_reauth}; "come back later" → rescheduled; temporary → another attempt (FAILED when
 * none are left); otherwise FAILED. Unknown → asked again on the next attempt, UNCONFIRMED after
 * {@code recovery-tries} (or the last attempt): never published again by itself.
 */
@Service
class PublishFinish {
    private final PublishOutcomes outcomes;
    private final PublishRuns runs;
    private final SocialAccounts accounts;
    private final SocialAccountService accountService;
    private final Publications rows;
    private final Deferral deferral;
    private final PlatformSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;

    PublishFinish(PublishOutcomes outcomes, PublishRuns runs, SocialAccounts accounts,
                  SocialAccountService accountService, Publications rows, Deferral deferral,
                  PlatformSettings settings, TransactionTemplate tx, Clock clock) {
        this.outcomes = outcomes;
        this.runs = runs;
        this.accounts = accounts;
        this.accountService = accountService;
        this.rows = rows;
        this.deferral = deferral;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
    }

    Object apply(Publication p, PublishOutcome outcome, Job job, Actor actor) {
        long ws = p.workspaceId();
        boolean lastAttempt = job.attempt() >= job.maxAttempts();
        return switch (outcome) {
            case PublishOutcome.Posted posted -> {
                outcomes.posted(ws, p.id(), PublicationState.PUBLISHING, posted.externalId(), posted.url(), actor);
                yield result("posted", "external_id", posted.externalId(), "url", posted.url());
            }
            case PublishOutcome.Processing pr when !lastAttempt -> {
                outcomes.note(ws, p.id(), pr.detail());
                throw new PublishRetry(pr.detail());
            }
            case PublishOutcome.Processing pr -> {
                outcomes.posted(ws, p.id(), PublicationState.PUBLISHING, pr.externalId(), pr.url(), actor);
                yield result("posted", "external_id", pr.externalId(), "url", pr.url(), "processing", pr.detail());
            }
            case PublishOutcome.Failed f when f.reauth() -> {
                accountService.needsReauth(ws, p.socialAccountId(), f.reason(), actor);
                outcomes.failPublishing(ws, p.id(), f.reason(), actor);
                throw new JobFailure(f.reason());
            }
            case PublishOutcome.Failed f when f.retryAfter() != null -> {
                var slot = tx.execute(s -> defer(p, f, actor));
                yield result("deferred", "scheduled_for", String.valueOf(slot), "reason", f.reason());
            }
            case PublishOutcome.Failed f when f.retryable() && !lastAttempt -> {
                outcomes.note(ws, p.id(), f.reason());
                throw new PublishRetry(f.reason());
            }
            case PublishOutcome.Failed f -> {
                String reason = f.retryable() ? f.reason() + " (gave up after " + job.attempt() + " attempts)"
                        : f.reason();
                outcomes.failPublishing(ws, p.id(), reason, actor);
                throw new JobFailure(reason);
            }
            case PublishOutcome.Unknown u -> unknown(p, u, lastAttempt, actor);
        };
    }

    /**
     * A resumed run found the account or media gone: unconfirmed if a call is unresolved or the post already
     * exists ({@code postCreated}: uploaded, still processing), else failed.
     */
    Object cannotResume(Publication p, String reason, boolean postCreated, Actor actor) {
        if (postCreated || runs.progress(p.workspaceId(), p.id()).intentAt() != null) {
            outcomes.unconfirmed(p.workspaceId(), p.id(), null, reason, actor);
            return result("unconfirmed", "reason", reason);
        }
        outcomes.failPublishing(p.workspaceId(), p.id(), reason, actor);
        throw new JobFailure(reason);
    }

    private Object unknown(Publication p, PublishOutcome.Unknown u, boolean lastAttempt, Actor actor) {
        int tries = runs.bumpRecovery(p.workspaceId(), p.id());
        if (tries >= settings.recoveryTries() || lastAttempt) {
            outcomes.unconfirmed(p.workspaceId(), p.id(), u.handle(), u.detail(), actor);
            return result("unconfirmed", "handle", u.handle(), "detail", u.detail());
        }
        outcomes.note(p.workspaceId(), p.id(), "outcome not known yet (" + u.detail() + "): asking the platform again");
        throw new PublishRetry("outcome unknown, recovery try " + tries + ": " + u.detail());
    }

    private java.time.Instant defer(Publication p, PublishOutcome.Failed f, Actor actor) {
        var account = accounts.lockById(p.workspaceId(), p.socialAccountId()).orElse(null);
        var locked = rows.lockById(p.workspaceId(), p.id()).orElseThrow();
        if (account == null || locked.state() != PublicationState.PUBLISHING) {
            return null;
        }
        return deferral.defer(locked, account, clock.instant().plus(f.retryAfter()), f.reason(), actor);
    }

    /** The job's result: the status and a few details (values may be null, so not Map.of). */
    private static Map<String, Object> result(String status, Object... pairs) {
        var map = new java.util.LinkedHashMap<String, Object>();
        map.put("status", status);
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
