package io.socialsync.people;

import static io.socialsync.db.Timestamps.instant;
import static io.socialsync.db.Timestamps.utc;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored refresh tokens (their hashes), chained by family: one login and its rotations. */
@Repository
public class RefreshTokens {
    private final JdbcClient jdbc;

    public RefreshTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Stored(long id, String family, long userId, Long workspaceId, Instant expiresAt, Instant usedAt,
                  Instant revokedAt) {
    }

    void insert(String hash, String family, long userId, Long workspaceId, Instant at, Instant expires) {
        jdbc.sql("INSERT INTO refresh_tokens (token_hash, family, user_id, workspace_id, created_at, expires_at) "
                + "VALUES (?,?,?,?,?,?)").params(hash, family, userId, workspaceId, utc(at), utc(expires)).update();
    }

    /** Locked: two refreshes with one token are decided one after the other. */
    Optional<Stored> lockByHash(String hash) {
        return jdbc.sql("SELECT id, family, user_id, workspace_id, expires_at, used_at, revoked_at FROM refresh_tokens "
                        + "WHERE token_hash = ? FOR UPDATE").param(hash)
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        (Long) rs.getObject(4, Long.class), instant(rs, 5), instant(rs, 6), instant(rs, 7)))
                .optional();
    }

    void markUsed(long id, Instant at) {
        jdbc.sql("UPDATE refresh_tokens SET used_at = ? WHERE id = ?").params(utc(at), id).update();
    }

    int revokeFamily(String family, Instant at) {
        return jdbc.sql("UPDATE refresh_tokens SET revoked_at = ? WHERE family = ? AND revoked_at IS NULL")
                .params(utc(at), family).update();
    }

    int revokeUser(long userId, Instant at) {
        return jdbc.sql("UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
                .params(utc(at), userId).update();
    }
}
