package io.socialsync.webapp;

import io.socialsync.people.Membership;
import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import java.util.List;

/** What every page's header shows: who is signed in, their workspaces (the picker) and what their role allows. */
public record Shell(String email, List<Membership> workspaces, long workspaceId, Role role) {

    public boolean canEdit() {
        return role.allows(Role.EDITOR);
    }

    public boolean picker() {
        return workspaces.size() > 1;
    }

    public String workspaceName() {
        return workspaces.stream().filter(m -> m.workspaceId() == workspaceId).map(Membership::workspaceName)
                .findFirst().orElse("workspace " + workspaceId);
    }

    static Shell of(String email, List<Membership> workspaces, Caller caller) {
        return new Shell(email, workspaces, caller.workspaceId(), caller.role());
    }
}
