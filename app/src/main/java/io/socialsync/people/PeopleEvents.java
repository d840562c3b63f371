package io.socialsync.people;

import io.socialsync.ledger.Actor;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The ledger events of people and workspaces, named in one place. Events about no workspace in particular (an
 * account registered, a failed login) are recorded under workspace 0, the instance: no workspace's API lists them.
 */
@Component
class PeopleEvents {
    static final long INSTANCE = 0;
    static final String USER_REGISTERED = "user_registered";
    static final String USER_LOGGED_IN = "user_logged_in";
    static final String LOGIN_FAILED = "login_failed";
    static final String MEMBER_INVITED = "member_invited";
    static final String MEMBER_JOINED = "member_joined";
    static final String MEMBER_ROLE_CHANGED = "member_role_changed";
    static final String MEMBER_REMOVED = "member_removed";
    static final String WORKSPACE_CREATED = "workspace_created";
    static final String WORKSPACE_RENAMED = "workspace_renamed";
    static final String PASSWORD_RESET = "password_reset";
    static final String USER_DISABLED = "user_disabled";
    private final Ledger ledger;

    PeopleEvents(Ledger ledger) {
        this.ledger = ledger;
    }

    void user(long workspaceId, Actor actor, String type, long userId, Map<String, ?> payload) {
        ledger.append(new LedgerEvent.New(workspaceId, actor, type, "user", Long.toString(userId), null, payload));
    }

    void workspace(long workspaceId, Actor actor, String type, Map<String, ?> payload) {
        ledger.append(new LedgerEvent.New(workspaceId, actor, type, "workspace", Long.toString(workspaceId), null,
                payload));
    }
}
