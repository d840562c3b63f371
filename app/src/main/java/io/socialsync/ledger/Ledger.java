package io.socialsync.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends events to the hash chains. Always inside the caller's transaction, so an event exists exactly when
 * the state change it records does. The ledger is striped: {@code ledger_head} has one row per chain, and a
 * transaction appends to one chain, the one its first event's entity hashes to, holding that chain's head lock
 * until it commits. Transactions on different chains append in parallel; a transaction that appends several
 * times stays on its chain, so it never waits for a second head while holding one. Each row also carries a MAC of
 * its hash under the {@link LedgerKey}, which lives outside the database; checkpoints sign every chain's head.
 */
@Component
public class Ledger {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final LedgerEvents events;
    private final LedgerKey key;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private volatile int chains; // ledger_head's rows, read once: migrations add chains, nothing removes one

    public Ledger(LedgerEvents events, LedgerKey key, Clock clock, ApplicationEventPublisher publisher) {
        this.events = events;
        this.key = key;
        this.clock = clock;
        this.publisher = publisher;
    }

    /**
     * Holds the head's lock for the rest of the caller's transaction without appending: every append on every node
     * waits meanwhile, so a one-time setup (the first start's workspace) runs once when nodes start together.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockHead() {
        events.lockAllHeads();
        var held = held();
        if (held == null) {
            TransactionSynchronizationManager.registerSynchronization(new Held(0));
        }
    }

    /** The chain this transaction appends to, registered with it (so a suspended outer transaction keeps its own). */
    private record Held(int chain) implements TransactionSynchronization {
    }

    private static Held held() {
        for (var sync : TransactionSynchronizationManager.getSynchronizations()) {
            if (sync instanceof Held h) {
                return h;
            }
        }
        return null;
    }

    /** The chain of an entity: stable across JVMs (String.hashCode is specified), spread over every chain. */
    int chainOf(String entityType, String entityId) {
        int chains = this.chains;
        if (chains == 0) {
            chains = this.chains = events.heads().size();
        }
        return Math.floorMod(Objects.hash(entityType, entityId), chains);
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
        var held = held();
        if (held == null) {
            var first = batch.getFirst();
            held = new Held(chainOf(first.entityType(), first.entityId()));
            TransactionSynchronizationManager.registerSynchronization(held);
        }
        int chain = held.chain();
        // ids taken under the chain's lock: within a chain they grow with seq, and an entity's events (whose rows
        // its own lock serialises) get ids in the order they happened, whichever chains they are on
        var locked = events.lockHead(chain, batch.size());
        var head = locked.head();
        long[] ids = locked.ids();
        long seq = head.lastSeq();
        String prevHash = head.lastHash();
        var appended = new ArrayList<LedgerEvent>(batch.size());
        var links = new ArrayList<LedgerEvents.Link>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            var e = batch.get(i);
            seq++;
            long id = ids[i];
            // micro precision: what both H2 and PostgreSQL store, so the hash recomputes from the stored row
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            String payload = JSON.writeValueAsString(e.payload() == null ? Map.of() : e.payload());
            String hash = LedgerHash.of(chain, seq, id, at, e.workspaceId(), e.actor().value(), e.type().wire(),
                    e.entityType(), e.entityId(), e.jobId(), payload, prevHash);
            var event = new LedgerEvent(id, at, e.workspaceId(), e.actor().value(), e.type().wire(),
                    e.entityType(), e.entityId(), e.jobId(), payload, prevHash, hash);
            appended.add(event);
            links.add(new LedgerEvents.Link(chain, seq, event));
            prevHash = hash;
        }
        events.append(links, key, chain, seq, prevHash); // the MACs and the head's move travel with the rows
        // listeners (outbound webhooks) run inside this transaction: what they write commits with the events.
        // The head has moved past the whole batch first, so a listener that appends chains after it.
        appended.forEach(publisher::publishEvent);
        return appended;
    }
}
