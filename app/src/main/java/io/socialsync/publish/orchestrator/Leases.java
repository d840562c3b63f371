package io.socialsync.publish.orchestrator;

import static io.socialsync.db.Timestamps.utc;

import io.socialsync.platforms.Platform;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the orchestrator's leases on external publications. Claimable: due and PENDING, or PUBLISHING under a
 * lease that ran out (the claimer went away). A candidate is only read; it is taken by a guarded UPDATE that
 * checks claimability again, so two callers never hold the same publication. (It is not locked when read: the
 * caller locks its account first, the order every other writer of publications follows.)
 */
@Repository
class Leases {
    private static final String CLAIMABLE = "publisher = 'external' AND scheduled_for <= :now AND (state = 'PENDING' "
            + "OR (state = 'PUBLISHING' AND lease_expires_at < :now))";
    private final JdbcClient jdbc;

    Leases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Lease(String token, Instant expiresAt) {
        boolean heldAt(Instant now) {
            return token != null && expiresAt != null && expiresAt.isAfter(now);
        }
    }

    /** {@code inFlight}: PUBLISHING under an expired lease, a post already counted in its account's budget. */
    record Candidate(long id, long accountId, boolean inFlight) {
    }

    /** The next claimable publication, leaving out the PENDING ones of {@code fullAccounts} (over budget). */
    Optional<Candidate> candidate(long ws, Platform platform, Instant now, Collection<Long> fullAccounts) {
        return jdbc.sql("SELECT id, social_account_id, state FROM publications WHERE workspace_id = :ws AND "
                        + CLAIMABLE + (platform != null ? " AND platform = :platform" : "")
                        + (fullAccounts.isEmpty() ? "" : " AND NOT (state = 'PENDING' AND social_account_id IN (:full))")
                        + " ORDER BY scheduled_for, id LIMIT 1")
                .param("ws", ws).param("now", utc(now)).param("platform", platform == null ? null : platform.wire())
                .param("full", fullAccounts.isEmpty() ? List.of(0L) : List.copyOf(fullAccounts))
                .query((rs, n) -> new Candidate(rs.getLong(1), rs.getLong(2), "PUBLISHING".equals(rs.getString(3))))
                .optional();
    }

    boolean take(long ws, long id, String token, Instant now, Instant expires) {
        return jdbc.sql("UPDATE publications SET state = 'PUBLISHING', lease_token = :token, lease_expires_at = :exp, "
                        + "updated_at = :now WHERE workspace_id = :ws AND id = :id AND " + CLAIMABLE)
                .param("token", token).param("exp", utc(expires)).param("now", utc(now)).param("ws", ws)
                .param("id", id).update() == 1;
    }

    Lease of(long ws, long id) {
        return jdbc.sql("SELECT lease_token, lease_expires_at FROM publications WHERE workspace_id = ? AND id = ?")
                .params(ws, id).query((rs, n) -> {
                    var at = rs.getObject(2, OffsetDateTime.class);
                    return new Lease(rs.getString(1), at == null ? null : at.toInstant());
                }).optional().orElse(new Lease(null, null));
    }

    void clear(long ws, long id) {
        jdbc.sql("UPDATE publications SET lease_token = NULL, lease_expires_at = NULL WHERE workspace_id = ? AND id = ?")
                .params(ws, id).update();
    }
}
