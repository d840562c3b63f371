package io.socialsync.accounts.tokens;

import io.socialsync.jobs.JobContext;
import io.socialsync.jobs.JobHandler;
import io.socialsync.jobs.JobKind;
import io.socialsync.jobs.JobSpec;
import io.socialsync.ledger.Actor;
import java.time.Duration;
import java.util.LinkedHashMap;
import org.springframework.stereotype.Component;

/**
 * {@code TOKEN_REFRESH}: renews one account's token for the sweep. Idempotent by construction: the refresher
 * decides under the account lock whether a refresh is still due. Outcomes (also failures) are recorded on the
 * account, so the job itself completes; only unexpected errors (the database) make it retry.
 */
@Component
class TokenRefreshHandler implements JobHandler {
    static final String KIND = "TOKEN_REFRESH";
    static final JobKind<Payload> JOB = JobKind.of(KIND, Payload.class);

    /** The social account whose token is renewed. */
    record Payload(long accountId) {
    }

    private final TokenRefresher refresher;

    TokenRefreshHandler(TokenRefresher refresher) {
        this.refresher = refresher;
    }

    @Override
    public JobSpec spec() {
        return new JobSpec(KIND, 3, Duration.ofMinutes(2), 2);
    }

    @Override
    public Object run(JobContext context) {
        long account = context.payload(JOB).accountId();
        var outcome = refresher.refresh(context.workspaceId(), account, TokenRefresher.Trigger.SWEEP,
                Actor.worker("token-refresher"));
        var result = new LinkedHashMap<String, Object>();
        result.put("account_id", account);
        result.put("outcome", outcome.wire());
        switch (outcome) {
            case TokenRefresher.Refreshed r -> result.put("token_expires_at", String.valueOf(r.account()
                    .tokenExpiresAt()));
            case TokenRefresher.Failed f -> {
                result.put("reason", f.reason());
                result.put("retry_at", f.retryAt().toString());
            }
            case TokenRefresher.Dead d -> result.put("reason", d.reason());
            case TokenRefresher.NotPossible n -> result.put("reason", n.reason());
            default -> {
            }
        }
        return result;
    }
}
