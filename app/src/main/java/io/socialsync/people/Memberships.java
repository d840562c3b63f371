package io.socialsync.people;

import static io.socialsync.db.Timestamps.instant;
import static io.socialsync.db.Timestamps.utc;

import io.socialsync.apikey.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who belongs to which workspace, in which role. Every method names the workspace it reads or writes. */
@Repository
public class Memberships {
    private final JdbcClient jdbc;

    public Memberships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(long workspaceId, long userId, Role role, Instant at) {
        jdbc.sql("INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES (?,?,?,?)")
                .params(workspaceId, userId, role.name(), utc(at)).update();
    }

    /** The role of an enabled person in a workspace: what every request signed in with a JWT is checked against. */
    public Optional<Role> activeRole(long workspaceId, long userId) {
        return jdbc.sql("SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id "
                        + "WHERE m.workspace_id = ? AND m.user_id = ? AND u.disabled_at IS NULL")
                .params(workspaceId, userId).query((rs, n) -> Role.valueOf(rs.getString(1))).optional();
    }

    public List<Membership> ofUser(long userId) {
        return jdbc.sql("SELECT m.workspace_id, w.name, m.role, m.created_at FROM memberships m "
                        + "JOIN workspaces w ON w.id = m.workspace_id WHERE m.user_id = ? ORDER BY m.user_id, m.workspace_id")
                .param(userId).query((rs, n) -> new Membership(rs.getLong(1), rs.getString(2),
                        Role.valueOf(rs.getString(3)), instant(rs, 4))).list();
    }

    List<Membership.Member> members(long workspaceId) {
        return jdbc.sql("SELECT u.id, u.email, u.display_name, m.role, m.created_at FROM memberships m "
                        + "JOIN users u ON u.id = m.user_id WHERE m.workspace_id = ? ORDER BY m.workspace_id, m.user_id")
                .param(workspaceId).query((rs, n) -> new Membership.Member(rs.getLong(1), rs.getString(2),
                        rs.getString(3), Role.valueOf(rs.getString(4)), instant(rs, 5))).list();
    }

    Optional<Role> role(long workspaceId, long userId) {
        return jdbc.sql("SELECT role FROM memberships WHERE workspace_id = ? AND user_id = ?")
                .params(workspaceId, userId).query((rs, n) -> Role.valueOf(rs.getString(1))).optional();
    }

    boolean changeRole(long workspaceId, long userId, Role role) {
        return jdbc.sql("UPDATE memberships SET role = ? WHERE workspace_id = ? AND user_id = ?")
                .params(role.name(), workspaceId, userId).update() == 1;
    }

    boolean remove(long workspaceId, long userId) {
        return jdbc.sql("DELETE FROM memberships WHERE workspace_id = ? AND user_id = ?")
                .params(workspaceId, userId).update() == 1;
    }

    long admins(long workspaceId) {
        return jdbc.sql("SELECT COUNT(*) FROM memberships WHERE workspace_id = ? AND role = 'ADMIN'")
                .param(workspaceId).query(Long.class).single();
    }

    /** Serialises membership changes of one workspace, so two demotions cannot both leave it without an admin. */
    void lockWorkspace(long workspaceId) {
        jdbc.sql("SELECT id FROM workspaces WHERE id = ? FOR UPDATE").param(workspaceId).query(Long.class).optional();
    }
}
