package io.socialsync.people;

import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The ledger events of people and workspaces (their types are in {@link EventType}). Events about no workspace in particular (an
 * account registered, a failed login) are recorded under workspace 0, the instance: no workspace's API lists them.
 */
@Component
class PeopleEvents {
    static final long INSTANCE = 0;
    private final Ledger ledger;

    PeopleEvents(Ledger ledger) {
        this.ledger = ledger;
    }

    void user(long workspaceId, Actor actor, EventType type, long userId, Map<String, ?> payload) {
        ledger.append(new LedgerEvent.New(workspaceId, actor, type, "user", Long.toString(userId), null, payload));
    }

    void workspace(long workspaceId, Actor actor, EventType type, Map<String, ?> payload) {
        ledger.append(new LedgerEvent.New(workspaceId, actor, type, "workspace", Long.toString(workspaceId), null,
                payload));
    }
}
