package io.socialsync.people;

import io.socialsync.domain.Conflict;
import io.socialsync.domain.Invalid;
import io.socialsync.domain.NotFound;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspace;
import io.socialsync.workspace.Workspaces;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workspaces people create and share. Every change names the caller's workspace: another workspace's member is
 * not found. A workspace always keeps one admin: the last one can be neither removed nor demoted (membership
 * changes of a workspace are serialised by its row lock, so two concurrent demotions cannot both pass).
 */
@Service
public class WorkspaceMembers {
    private final Workspaces workspaces;
    private final Memberships memberships;
    private final PeopleEvents events;
    private final Clock clock;

    public WorkspaceMembers(Workspaces workspaces, Memberships memberships, PeopleEvents events, Clock clock) {
        this.workspaces = workspaces;
        this.memberships = memberships;
        this.events = events;
        this.clock = clock;
    }

    /** A person creates a workspace and becomes its admin. */
    @Transactional
    public Workspace create(String name, long userId, Actor actor) {
        String valid = name(name);
        Workspace ws;
        try {
            ws = workspaces.create(valid);
        } catch (DuplicateKeyException e) {
            throw new Conflict("a workspace named '" + valid + "' exists; choose another name");
        }
        if (userId > 0) {
            memberships.add(ws.id(), userId, Role.ADMIN, clock.instant());
        }
        events.workspace(ws.id(), actor, EventType.WORKSPACE_CREATED, Map.of("name", valid));
        return ws;
    }

    @Transactional
    public Workspace rename(Caller caller, long workspaceId, String name) {
        requireSame(caller, workspaceId).require(Role.ADMIN);
        String valid = name(name);
        try {
            workspaces.rename(workspaceId, valid);
        } catch (DuplicateKeyException e) {
            throw new Conflict("a workspace named '" + valid + "' exists; choose another name");
        }
        events.workspace(workspaceId, Actor.of(caller), EventType.WORKSPACE_RENAMED, Map.of("name", valid));
        return workspaces.byId(workspaceId).orElseThrow();
    }

    public List<Membership> mine(long userId) {
        return memberships.ofUser(userId);
    }

    public List<Membership.Member> members(Caller caller, long workspaceId) {
        requireSame(caller, workspaceId);
        return memberships.members(workspaceId);
    }

    @Transactional
    public Membership.Member changeRole(Caller caller, long workspaceId, long userId, Role role) {
        requireSame(caller, workspaceId).require(Role.ADMIN);
        memberships.lockWorkspace(workspaceId);
        Role old = memberships.role(workspaceId, userId).orElseThrow(() -> new NotFound("member", userId));
        if (old == role) {
            return member(workspaceId, userId);
        }
        if (old == Role.ADMIN && memberships.admins(workspaceId) == 1) {
            throw new Conflict("the last admin of a workspace cannot be demoted; make another member admin first");
        }
        memberships.changeRole(workspaceId, userId, role);
        events.user(workspaceId, Actor.of(caller), EventType.MEMBER_ROLE_CHANGED, userId,
                Map.of("from", old.wire(), "to", role.wire()));
        return member(workspaceId, userId);
    }

    @Transactional
    public void remove(Caller caller, long workspaceId, long userId) {
        requireSame(caller, workspaceId);
        // anyone may leave; removing someone else takes an admin
        if (!Long.valueOf(userId).equals(caller.userId())) {
            caller.require(Role.ADMIN);
        }
        memberships.lockWorkspace(workspaceId);
        Role old = memberships.role(workspaceId, userId).orElseThrow(() -> new NotFound("member", userId));
        if (old == Role.ADMIN && memberships.admins(workspaceId) == 1) {
            throw new Conflict("the last admin of a workspace cannot be removed; make another member admin first");
        }
        memberships.remove(workspaceId, userId);
        events.user(workspaceId, Actor.of(caller), EventType.MEMBER_REMOVED, userId, Map.of("role", old.wire()));
    }

    private Membership.Member member(long workspaceId, long userId) {
        return memberships.members(workspaceId).stream().filter(m -> m.userId() == userId).findFirst()
                .orElseThrow(() -> new NotFound("member", userId));
    }

    /** A workspace other than the caller's is not found, whatever exists. */
    static Caller requireSame(Caller caller, long workspaceId) {
        if (caller.workspaceId() != workspaceId) {
            throw new NotFound("workspace", workspaceId);
        }
        return caller;
    }

    static String name(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 200) {
            throw Invalid.field("name", "must be 1 to 200 characters");
        }
        return n;
    }
}
