package io.socialsync.people;

import static io.socialsync.db.Timestamps.instant;
import static io.socialsync.db.Timestamps.utc;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PasswordResets {
    private final JdbcClient jdbc;

    public PasswordResets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Stored(long id, long userId, Instant expiresAt, Instant usedAt) {
    }

    void insert(long userId, String tokenHash, Instant at, Instant expires) {
        jdbc.sql("INSERT INTO password_resets (user_id, token_hash, created_at, expires_at) VALUES (?,?,?,?)")
                .params(userId, tokenHash, utc(at), utc(expires)).update();
    }

    Optional<Stored> lockByToken(String tokenHash) {
        return jdbc.sql("SELECT id, user_id, expires_at, used_at FROM password_resets WHERE token_hash = ? FOR UPDATE")
                .param(tokenHash).query((rs, n) -> new Stored(rs.getLong(1), rs.getLong(2), instant(rs, 3),
                        instant(rs, 4))).optional();
    }

    /** Using one link spends every other open link of the person too. */
    void usedAll(long userId, Instant at) {
        jdbc.sql("UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL")
                .params(utc(at), userId).update();
    }
}
