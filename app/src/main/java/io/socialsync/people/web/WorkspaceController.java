package io.socialsync.people.web;

import io.socialsync.domain.Forbidden;
import io.socialsync.domain.Invalid;
import io.socialsync.people.Invitation;
import io.socialsync.people.Membership;
import io.socialsync.people.People;
import io.socialsync.people.SignedIn;
import io.socialsync.people.WorkspaceMembers;
import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspace;
import io.socialsync.workspace.Workspaces;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Workspaces and their members. A person creates workspaces and lists theirs; everything under
 * /workspaces/{id} acts in the caller's own workspace (the one their token or key names): any other id is 404.
 */
@RestController
@RequestMapping("/workspaces")
public class WorkspaceController {
    private final WorkspaceMembers members;
    private final People people;
    private final Workspaces workspaces;

    public WorkspaceController(WorkspaceMembers members, People people, Workspaces workspaces) {
        this.members = members;
        this.people = people;
        this.workspaces = workspaces;
    }

    public record NameBody(String name) {
    }

    public record InviteBody(String email, String role) {
    }

    public record RoleBody(String role) {
    }

    public record WorkspaceView(long id, String name, Instant createdAt, String role) {
    }

    public record MemberView(long userId, String email, String displayName, String role, Instant since) {
        static MemberView of(Membership.Member m) {
            return new MemberView(m.userId(), m.email(), m.displayName(), m.role().wire(), m.since());
        }
    }

    public record InvitationView(long id, String email, String role, Instant expiresAt, String link, boolean mailed) {
        static InvitationView of(Invitation.Sent s) {
            var i = s.invitation();
            return new InvitationView(i.id(), i.email(), i.role().wire(), i.expiresAt(), s.link(), s.mailed());
        }
    }

    /** A person creates a workspace and becomes its admin; log in with its workspace_id to act in it. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    WorkspaceView create(SignedIn who, @RequestBody NameBody body) {
        if (!who.person()) {
            throw new Forbidden("workspaces are created by people (log in) or with `socialsync workspace create`");
        }
        Workspace ws = members.create(body.name(), who.userId(), io.socialsync.ledger.Actor.user(who.userId()));
        return new WorkspaceView(ws.id(), ws.name(), ws.createdAt(), Role.ADMIN.wire());
    }

    /** A person: every workspace they belong to. An API key: its own. */
    @GetMapping
    List<WorkspaceView> mine(SignedIn who) {
        if (!who.person()) {
            var ws = workspaces.byId(who.caller().workspaceId()).orElseThrow();
            return List.of(new WorkspaceView(ws.id(), ws.name(), ws.createdAt(), who.caller().role().wire()));
        }
        return members.mine(who.userId()).stream().map(m -> new WorkspaceView(m.workspaceId(), m.workspaceName(),
                null, m.role().wire())).toList();
    }

    @PatchMapping("/{id}")
    WorkspaceView rename(Caller caller, @PathVariable long id, @RequestBody NameBody body) {
        Workspace ws = members.rename(caller, id, body.name());
        return new WorkspaceView(ws.id(), ws.name(), ws.createdAt(), caller.role().wire());
    }

    @GetMapping("/{id}/members")
    List<MemberView> members(Caller caller, @PathVariable long id) {
        return members.members(caller, id).stream().map(MemberView::of).toList();
    }

    @PostMapping("/{id}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    InvitationView invite(Caller caller, @PathVariable long id, @RequestBody InviteBody body) {
        return InvitationView.of(people.invite(caller, id, body.email(), role(body.role())));
    }

    @PatchMapping("/{id}/members/{user_id}")
    MemberView changeRole(Caller caller, @PathVariable long id, @PathVariable("user_id") long userId,
                          @RequestBody RoleBody body) {
        return MemberView.of(members.changeRole(caller, id, userId, role(body.role())));
    }

    @DeleteMapping("/{id}/members/{user_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(Caller caller, @PathVariable long id, @PathVariable("user_id") long userId) {
        members.remove(caller, id, userId);
    }

    private static Role role(String role) {
        try {
            return Role.parse(role);
        } catch (IllegalArgumentException e) {
            throw Invalid.field("role", "must be one of admin, editor, viewer");
        }
    }
}
