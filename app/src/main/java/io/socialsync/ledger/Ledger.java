package io.socialsync.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends events to the hash chain. Always inside the caller's transaction, so an event exists exactly when
 * the state change it records does. The head row lock makes appends serial across every node.
 */
@Component
public class Ledger {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final LedgerEvents events;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    public Ledger(LedgerEvents events, Clock clock, ApplicationEventPublisher publisher) {
        this.events = events;
        this.clock = clock;
        this.publisher = publisher;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public LedgerEvent append(LedgerEvent.New e) {
        var head = events.lockHead();
        long id = head.lastId() + 1;
        // micro precision: what both H2 and PostgreSQL store, so the hash recomputes from the stored row
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String payload = JSON.writeValueAsString(e.payload() == null ? Map.of() : e.payload());
        String hash = LedgerHash.of(id, at, e.workspaceId(), e.actor().value(), e.eventType(), e.entityType(),
                e.entityId(), e.jobId(), payload, head.lastHash());
        var event = new LedgerEvent(id, at, e.workspaceId(), e.actor().value(), e.eventType(), e.entityType(),
                e.entityId(), e.jobId(), payload, head.lastHash(), hash);
        events.insert(event);
        events.moveHead(id, hash);
        // listeners (outbound webhooks) run inside this transaction: what they write commits with the event
        publisher.publishEvent(event);
        return event;
    }
}
