package io.socialsync.publish.runs;

import io.socialsync.accounts.AccountStatus;
import io.socialsync.accounts.SocialAccount;
import io.socialsync.accounts.SocialAccounts;
import io.socialsync.accounts.tokens.TokenRefresher;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.platforms.Progress;
import io.socialsync.platforms.PublishTarget;
import io.socialsync.publish.Publication;
import io.socialsync.publish.PublicationState;
import io.socialsync.publish.Publications;
import io.socialsync.publish.PublishEvents;
import io.socialsync.publish.PublishRuns;
import io.socialsync.publish.scheduling.Deferral;
import io.socialsync.secrets.SecretBox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first step of a PUBLISH run, in one transaction holding the account lock then the row lock (the order
 * Rescheduling uses): re-read the row, so a cancel or reschedule since queueing wins; check the account, the
 * media and the rolling budget; then PENDING → PUBLISHING. A row already PUBLISHING is a later attempt resuming.
 */
@Service
public class PublishStart {
    /** How long a post waits for its variant's render before it is tried again. */
    static final Duration RENDER_WAIT = Duration.ofMinutes(2);
    private final Publications rows;
    private final PublishRuns runs;
    private final SocialAccounts accounts;
    private final SecretBox secrets;
    private final MediaSource media;
    private final RateBudgets budgets;
    private final Deferral deferral;
    private final PublishOutcomes outcomes;
    private final PublishEvents events;
    private final TokenRefresher tokens;
    private final Clock clock;

    public PublishStart(Publications rows, PublishRuns runs, SocialAccounts accounts, SecretBox secrets,
                        MediaSource media, RateBudgets budgets, Deferral deferral, PublishOutcomes outcomes,
                        PublishEvents events, TokenRefresher tokens, Clock clock) {
        this.rows = rows;
        this.runs = runs;
        this.accounts = accounts;
        this.secrets = secrets;
        this.media = media;
        this.budgets = budgets;
        this.deferral = deferral;
        this.outcomes = outcomes;
        this.events = events;
        this.tokens = tokens;
        this.clock = clock;
    }

    public sealed interface Decision {
    }

    public record Go(Publication publication, PublishTarget target, Progress progress) implements Decision {
    }

    public record Skip(String why) implements Decision {
    }

    public record Deferred(Instant until, String reason) implements Decision {
    }

    /** The publication is FAILED now, for {@code reason}. */
    public record Refused(String reason) implements Decision {
    }

    @Transactional
    public Decision begin(long ws, long id, long jobId, Actor actor) {
        var unlocked = rows.byId(ws, id).orElse(null);
        if (unlocked == null) {
            return new Skip("missing");
        }
        // a token about to expire is renewed first, in the refresher's own transaction, before the locks below
        var tokenWait = tokens.beforePublish(ws, unlocked.socialAccountId(), actor).orElse(null);
        var account = accounts.lockById(ws, unlocked.socialAccountId()).orElse(null);
        var p = rows.lockById(ws, id).orElseThrow();
        boolean resuming = p.state() == PublicationState.PUBLISHING;
        if (!resuming && p.state() != PublicationState.PENDING) {
            return new Skip(p.state().wire());
        }
        if (!Objects.equals(p.jobId(), jobId)) {
            return new Skip("queued again as job " + p.jobId()); // a reschedule or recovery superseded this job
        }
        String problem = accountProblem(account);
        var found = media.of(p);
        if (problem == null && found instanceof MediaSource.Missing missing) {
            if (missing.rendering() && !resuming) { // rendered since scheduling and not done yet: a later post
                String reason = missing.reason() + ": moved on by " + RENDER_WAIT.toMinutes() + " min";
                return new Deferred(deferral.defer(p, account, clock.instant().plus(RENDER_WAIT), reason, actor),
                        reason);
            }
            problem = missing.reason();
        }
        if (problem != null) {
            if (resuming) {
                return new Refused(problem); // the handler decides: failed, or unconfirmed if a call is unresolved
            }
            outcomes.fail(p, problem, actor);
            return new Refused(problem);
        }
        if (tokenWait != null) { // expired and not renewable for now: later, not failed
            if (resuming) {
                throw new PublishRetry(tokenWait.reason());
            }
            return new Deferred(deferral.defer(p, account, tokenWait.until(), tokenWait.reason(), actor),
                    tokenWait.reason());
        }
        if (!resuming) {
            var budget = budgets.check(account, clock.instant());
            if (!budget.allowed()) {
                String reason = "@" + account.handle() + " used its " + account.platform().wire() + " budget of "
                        + budget.limit() + " posts in 24 h: moved to when the oldest leaves the window";
                return new Deferred(deferral.defer(p, account, budget.freesAt(), reason, actor), reason);
            }
            rows.transition(p, PublicationState.PUBLISHING, now(), null, null);
            runs.publisher(ws, id, "internal");
            var payload = PublishEvents.base(p);
            payload.put("job_id", jobId);
            events.record(p, actor, EventType.PUBLISH_STARTED, payload);
        }
        var ready = (MediaSource.Ready) found;
        var target = new PublishTarget(p.id(), account.handle(), account.externalIds(),
                secrets.open(account.accessTokenEnc()), p.caption(), ready.media());
        return new Go(rows.byId(ws, id).orElseThrow(), target, runs.progress(ws, id));
    }

    public Publication reread(long ws, long id) {
        return rows.byId(ws, id).orElse(null);
    }

    private static String accountProblem(SocialAccount account) {
        if (account == null) {
            return "the social account was deleted";
        }
        if (account.status() == AccountStatus.NEEDS_REAUTH) {
            return "@" + account.handle() + " needs re-authorisation (" + account.statusReason() + "): reconnect "
                    + "the account, then reschedule this post";
        }
        if (account.status() == AccountStatus.DISABLED) {
            return "@" + account.handle() + " is disabled: enable it, then reschedule this post";
        }
        if (!account.hasAccessToken()) {
            return "@" + account.handle() + " has no access token: connect it, or let an orchestrator post it "
                    + "(publisher external)";
        }
        return null;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
