package io.socialsync.workspace;

import static io.socialsync.db.Timestamps.instant;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class Workspaces {
    private final JdbcClient jdbc;
    private final Clock clock;

    public Workspaces(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Workspace create(String name) {
        var now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO workspaces (name, created_at) VALUES (?, ?)").params(name, now)
                .update(keys, "id");
        return new Workspace(keys.getKey().longValue(), name, now.toInstant());
    }

    public Optional<Workspace> byName(String name) {
        return jdbc.sql("SELECT id, name, created_at FROM workspaces WHERE name = ?").param(name)
                .query((rs, n) -> new Workspace(rs.getLong(1), rs.getString(2), instant(rs, 3)))
                .optional();
    }

    public Optional<Workspace> byId(long id) {
        return jdbc.sql("SELECT id, name, created_at FROM workspaces WHERE id = ?").param(id)
                .query((rs, n) -> new Workspace(rs.getLong(1), rs.getString(2), instant(rs, 3)))
                .optional();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when another workspace has the name */
    public boolean rename(long id, String name) {
        return jdbc.sql("UPDATE workspaces SET name = ? WHERE id = ?").params(name, id).update() == 1;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM workspaces").query(Long.class).single();
    }
}
