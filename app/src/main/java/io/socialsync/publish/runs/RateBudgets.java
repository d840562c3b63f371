package io.socialsync.publish.runs;

import static io.socialsync.db.Timestamps.utc;

import io.socialsync.accounts.SocialAccount;
import io.socialsync.platforms.PlatformSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Rolling 24-hour post budgets per account (Instagram 100, Facebook Reels 30, ...: {@link PlatformSettings}),
 * counted before any call so the platform never has to refuse us. Posts in flight and unconfirmed ones count:
 * they may well be live. Callers hold the account's row lock, so two runs cannot both take the last slot.
 */
@NamedInterface("budgets")
@Component
public class RateBudgets {
    static final Duration WINDOW = Duration.ofHours(24);
    private final JdbcClient jdbc;
    private final PlatformSettings settings;

    RateBudgets(JdbcClient jdbc, PlatformSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** {@code freesAt}: when the oldest counted post leaves the window (null when allowed). */
    public record Verdict(boolean allowed, int used, int limit, Instant freesAt) {
    }

    public Verdict check(SocialAccount account, Instant now) {
        int limit = settings.postsPer24h(account.platform());
        Instant since = now.minus(WINDOW);
        int used = jdbc.sql("SELECT COUNT(*) FROM publications WHERE social_account_id = :a AND (posted_at > :since "
                        + "OR state = 'PUBLISHING' OR (state = 'UNCONFIRMED' AND updated_at > :since))")
                .param("a", account.id()).param("since", utc(since)).query(Integer.class).single();
        if (limit <= 0 || used < limit) {
            return new Verdict(true, used, limit, null);
        }
        var oldest = jdbc.sql("SELECT MIN(posted_at) FROM publications WHERE social_account_id = ? AND posted_at > ?")
                .params(account.id(), utc(since)).query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
                .optional().orElse(null);
        Instant frees = oldest == null ? now.plus(Duration.ofHours(1)) : oldest.toInstant().plus(WINDOW);
        return new Verdict(false, used, limit, frees.plusSeconds(60));
    }
}
