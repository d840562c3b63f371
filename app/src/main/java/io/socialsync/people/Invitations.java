package io.socialsync.people;

import static io.socialsync.db.Timestamps.instant;
import static io.socialsync.db.Timestamps.utc;

import io.socialsync.web.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class Invitations {
    private static final String COLUMNS = "id, workspace_id, email, role, created_at, expires_at, accepted_at";
    private final JdbcClient jdbc;

    public Invitations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Invitation insert(long workspaceId, String email, Role role, String tokenHash, String invitedBy, Instant at,
                      Instant expires) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO invitations (workspace_id, email, email_key, role, token_hash, invited_by, created_at, "
                        + "expires_at) VALUES (?,?,?,?,?,?,?,?)")
                .params(workspaceId, email, Emails.key(email), role.name(), tokenHash, invitedBy, utc(at), utc(expires))
                .update(keys, "id");
        return new Invitation(keys.getKey().longValue(), workspaceId, email, role, at, expires, null);
    }

    Optional<Invitation> byToken(String tokenHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM invitations WHERE token_hash = ?").param(tokenHash)
                .query((rs, n) -> map(rs)).optional();
    }

    Optional<Invitation> lockByToken(String tokenHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM invitations WHERE token_hash = ? FOR UPDATE").param(tokenHash)
                .query((rs, n) -> map(rs)).optional();
    }

    void accepted(long id, long userId, Instant at) {
        jdbc.sql("UPDATE invitations SET accepted_at = ?, accepted_by = ? WHERE id = ?").params(utc(at), userId, id)
                .update();
    }

    private static Invitation map(ResultSet rs) throws SQLException {
        return new Invitation(rs.getLong("id"), rs.getLong("workspace_id"), rs.getString("email"),
                Role.valueOf(rs.getString("role")), instant(rs, "created_at"), instant(rs, "expires_at"),
                instant(rs, "accepted_at"));
    }
}
