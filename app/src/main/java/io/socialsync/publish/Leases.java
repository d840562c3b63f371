package io.socialsync.publish;

import static io.socialsync.db.Timestamps.utc;

import io.socialsync.accounts.Platform;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the orchestrator's leases on external publications. Claimable: due and PENDING, or PUBLISHING under a
 * lease that ran out (the claimer went away). Candidates are locked with SKIP LOCKED and then taken with a
 * guarded UPDATE, so two callers never hold the same publication even where SKIP LOCKED only waits.
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

    Optional<Long> candidate(long ws, Platform platform, Instant now) {
        return jdbc.sql("SELECT id FROM publications WHERE workspace_id = :ws AND " + CLAIMABLE
                        + (platform != null ? " AND platform = :platform" : "")
                        + " ORDER BY scheduled_for, id LIMIT 1 FOR UPDATE SKIP LOCKED")
                .param("ws", ws).param("now", utc(now)).param("platform", platform == null ? null : platform.wire())
                .query(Long.class).optional();
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
