package io.socialsync.webapp;

import io.socialsync.accounts.AccountStatus;
import io.socialsync.accounts.SocialAccount;
import io.socialsync.accounts.tokens.TokenStatus;
import io.socialsync.publish.runs.RateBudgets;

/**
 * An account as the accounts page shows it: platform, zone, status, how its token stands (never the token), and
 * how much of the platform's rolling 24-hour post budget it has used.
 */
public record AccountRow(long id, String handle, String platform, String zone, String status, String statusReason,
                         String token, String tokenExpires, int used, int limit) {

    static AccountRow of(SocialAccount a, TokenStatus token, RateBudgets.Verdict budget) {
        return new AccountRow(a.id(), a.handle(), a.platform().wire(), a.timezone().getId(), a.status().wire(),
                a.statusReason(), token.wire(),
                a.tokenExpiresAt() == null ? "" : ZonedTime.of(a.tokenExpiresAt(), a.timezone()).text(),
                budget.used(), budget.limit());
    }

    public boolean needsReauth() {
        return status.equals(AccountStatus.NEEDS_REAUTH.wire());
    }

    /** "3 of 100 in 24 h", or no cap when the platform has none configured. */
    public String budget() {
        return limit <= 0 ? used + " in 24 h (no cap)" : used + " of " + limit + " in 24 h";
    }
}
