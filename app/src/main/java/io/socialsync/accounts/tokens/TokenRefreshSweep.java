package io.socialsync.accounts.tokens;

import io.socialsync.accounts.SocialAccounts;
import io.socialsync.config.SocialSyncProperties.Roles;
import io.socialsync.jobs.JobQueue;
import io.socialsync.jobs.Workers;
import io.socialsync.ledger.Actor;
import io.socialsync.node.PeriodicTask;
import io.socialsync.platforms.TokenSettings;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * Every {@code socialsync.tokens.sweep-interval} on nodes with the scheduler role: a {@code TOKEN_REFRESH} job
 * for each active account whose token expires within its platform's lead (and whose retry time, after a
 * temporary failure, has come). The calls run on workers, not on the scheduling thread the tick shares.
 * <p>
 * The idempotency key names the account's token state (expiry, failures) and the hour, so sweeps on several
 * nodes, or a restart, enqueue one job per state; a job stuck by a bug is tried again the next hour. Extra jobs
 * are harmless anyway: the refresher re-checks under the account lock.
 */
@Service
public class TokenRefreshSweep implements PeriodicTask.Owner {
    private final SocialAccounts accounts;
    private final TokenPolicy policy;
    private final TokenSettings settings;
    private final JobQueue queue;
    private final Workers workers;
    private final Clock clock;

    public TokenRefreshSweep(SocialAccounts accounts, TokenPolicy policy, TokenSettings settings, JobQueue queue,
                             Workers workers, Clock clock) {
        this.accounts = accounts;
        this.policy = policy;
        this.settings = settings;
        this.queue = queue;
        this.workers = workers;
        this.clock = clock;
    }

    @Override
    public PeriodicTask periodic() {
        return PeriodicTask.of("Looking for tokens to refresh", Roles::scheduler, settings.sweepInterval(),
                this::enqueueDue, "Queued {} token refresh(es)");
    }

    /** @return how many TOKEN_REFRESH jobs were newly created */
    public int enqueueDue() {
        Instant now = clock.instant();
        long hour = now.getEpochSecond() / 3600;
        int created = 0;
        for (var a : accounts.dueForRefresh(policy.cutoffs(now), policy.needRefreshToken(), now,
                Math.max(1, settings.sweepBatch()))) {
            String key = "token-refresh-" + a.id() + "-" + a.tokenExpiresAt().getEpochSecond() + "-"
                    + a.refresh().failures() + "-" + hour;
            var request = TokenRefreshHandler.JOB.request(a.workspaceId(), new TokenRefreshHandler.Payload(a.id()))
                    .withIdempotencyKey(key);
            created += queue.enqueue(request, Actor.SYSTEM).created() ? 1 : 0;
        }
        if (created > 0) {
            workers.wakeUp();
        }
        return created;
    }
}
