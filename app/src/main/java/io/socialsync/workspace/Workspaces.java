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

    /** Locks the workspace row until the caller's transaction ends: per-workspace counters go one at a time. */
    public void lock(long id) {
        jdbc.sql("SELECT id FROM workspaces WHERE id = ? FOR UPDATE").param(id).query(Long.class).single();
    }

    /** The first workspace created (the bootstrap's): where events that belong to no workspace are recorded. */
    public long firstId() {
        return jdbc.sql("SELECT MIN(id) FROM workspaces").query(Long.class).single();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM workspaces").query(Long.class).single();
    }
}
