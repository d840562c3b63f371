package io.socialsync.people;

import static io.socialsync.db.Timestamps.instant;
import static io.socialsync.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The users table. Addresses are looked up by their lower-cased key. */
@Repository
public class Users {
    private static final String COLUMNS = "id, email, display_name, created_at, last_login_at, disabled_at";
    private final JdbcClient jdbc;

    public Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the address is taken, whatever its case */
    User insert(String email, String displayName, String passwordHash, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO users (email, email_key, display_name, password_hash, created_at) VALUES (?,?,?,?,?)")
                .params(email, Emails.key(email), displayName, passwordHash, utc(at)).update(keys, "id");
        return new User(keys.getKey().longValue(), email, displayName, at, null, false);
    }

    public Optional<User> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?").param(id)
                .query((rs, n) -> map(rs)).optional();
    }

    public Optional<User> byEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email_key = ?").param(Emails.key(email))
                .query((rs, n) -> map(rs)).optional();
    }

    Optional<User.WithHash> withHash(String email) {
        return jdbc.sql("SELECT " + COLUMNS + ", password_hash FROM users WHERE email_key = ?")
                .param(Emails.key(email))
                .query((rs, n) -> new User.WithHash(map(rs), rs.getString("password_hash"))).optional();
    }

    void setPassword(long id, String hash) {
        jdbc.sql("UPDATE users SET password_hash = ? WHERE id = ?").params(hash, id).update();
    }

    void loggedIn(long id, Instant at) {
        jdbc.sql("UPDATE users SET last_login_at = ? WHERE id = ?").params(utc(at), id).update();
    }

    void disable(long id, Instant at) {
        jdbc.sql("UPDATE users SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL").params(utc(at), id).update();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
    }

    private static User map(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                instant(rs, "created_at"), instant(rs, "last_login_at"), instant(rs, "disabled_at") != null);
    }
}
