package io.socialsync.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends events to the hash chain. Always inside the caller's transaction, so an event exists exactly when
 * the state change it records does. The head row lock makes appends serial across every node. Each row also
 * carries a MAC of its hash under the {@link LedgerKey}, which lives outside the database.
 */
@Component
public class Ledger {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final LedgerEvents events;
    private final LedgerKey key;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    public Ledger(LedgerEvents events, LedgerKey key, Clock clock, ApplicationEventPublisher publisher) {
        this.events = events;
        this.key = key;
        this.clock = clock;
        this.publisher = publisher;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public LedgerEvent append(LedgerEvent.New e) {
        return appendAll(List.of(e)).getFirst();
    }

    /**
     * Appends several events as consecutive links, in order, under one lock of the head: the head is locked,
     * the rows inserted and the head moved once per call instead of once per event. The links are exactly
     * those that {@link #append} called once per event would make.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<LedgerEvent> appendAll(List<LedgerEvent.New> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        var head = events.lockHead();
        long id = head.lastId();
        String prevHash = head.lastHash();
        var appended = new ArrayList<LedgerEvent>(batch.size());
        for (LedgerEvent.New e : batch) {
            id++;
            // micro precision: what both H2 and PostgreSQL store, so the hash recomputes from the stored row
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            String payload = JSON.writeValueAsString(e.payload() == null ? Map.of() : e.payload());
            String hash = LedgerHash.of(id, at, e.workspaceId(), e.actor().value(), e.type().wire(),
                    e.entityType(), e.entityId(), e.jobId(), payload, prevHash);
            appended.add(new LedgerEvent(id, at, e.workspaceId(), e.actor().value(), e.type().wire(),
                    e.entityType(), e.entityId(), e.jobId(), payload, prevHash, hash));
            prevHash = hash;
        }
        events.insertAll(appended, key); // the MACs travel in the same batch: no extra round trip
        events.moveHead(id, prevHash);
        // listeners (outbound webhooks) run inside this transaction: what they write commits with the events.
        // The head has moved past the whole batch first, so a listener that appends chains after it.
        appended.forEach(publisher::publishEvent);
        return appended;
    }
}
