package io.socialsync.ledger;

import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageKey;
import io.socialsync.workspace.Workspaces;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows appended before rows had MACs are sealed once, at the first start after the upgrade: trust on first use,
 * recorded as a {@code ledger_sealed} event and anchored at once by a checkpoint. Only a chain whose hashes hold,
 * whose unsealed rows are all older than every sealed one, and that has no checkpoint yet is sealed; anything else
 * is left for {@code ledger verify} to report, so that clearing MACs later cannot get forged rows sealed.
 *
 * <p>The first start that finds nothing to seal (a new install, or one sealed already) writes {@link #MARKER} to
 * storage, and so does sealing, before it commits: a ledger that has had MACs is never sealed again, even when the
 * database is rewritten before its first checkpoint. "No checkpoint yet" alone would not say that: a new install
 * writes its first one minutes after its first event, and a node killed before then leaves none. Every other
 * start costs one primary-key probe (event 1 has a MAC, or there is no event) and one existence check in storage.
 */
@Component
public class LedgerSealing implements InitializingBean {
    private static final Logger log = LoggerFactory.getLogger(LedgerSealing.class);
    private static final int CHUNK = 1000;
    /** In storage, out of the database's reach: this ledger has had MACs since the start that wrote it. */
    static final StorageKey MARKER = StorageKey.of("ledger/macs.json");
    private final LedgerEvents events;
    private final LedgerKey key;
    private final Ledger ledger;
    private final LedgerCheckpoints checkpoints;
    private final Workspaces workspaces;
    private final TransactionTemplate tx;
    private final Storage storage;

    public LedgerSealing(LedgerEvents events, LedgerKey key, Ledger ledger, LedgerCheckpoints checkpoints,
                         Workspaces workspaces, TransactionTemplate tx, Storage storage) {
        this.events = events;
        this.key = key;
        this.ledger = ledger;
        this.checkpoints = checkpoints;
        this.workspaces = workspaces;
        this.tx = tx;
        this.storage = storage;
    }

    @Override
    public void afterPropertiesSet() {
        if (sealed()) {
            try {
                if (!storage.exists(MARKER)) {
                    writeMarker();
                }
            } catch (RuntimeException e) { // storage unavailable: the next start writes it
                log.warn("The ledger's storage marker was not written now: {}", e.toString());
            }
            return;
        }
        try {
            Long sealed = tx.execute(status -> seal());
            if (sealed != null && sealed > 0) {
                log.warn("Sealed {} ledger events that predate row MACs, trusting them as found (ledger_sealed)",
                        sealed);
                firstCheckpoint();
            }
        } catch (Refused | LedgerCheckpoints.Forged e) {
            log.error("Ledger rows without a MAC were not sealed: {}; `socialsync ledger verify` reports them",
                    e.getMessage());
        } catch (RuntimeException e) { // storage or database unavailable: the next start tries again
            log.error("Ledger rows without a MAC could not be sealed now: {}", e.toString());
        }
    }

    /** Anchors the sealing at once: from now on, cleared MACs are reported, never sealed again. */
    private void firstCheckpoint() {
        try {
            checkpoints.write();
        } catch (RuntimeException e) {
            log.warn("The checkpoint after sealing was not written ({}); the next periodic one will be", e.toString());
        }
    }

    private boolean sealed() {
        return events.byId(1).map(first -> first.mac() != null).orElse(true);
    }

    /** @return the rows sealed; 0 when another node did it first. @throws Refused (rolls back every row sealed) */
    private long seal() {
        events.lockAllHeads(); // serial with appends and with other nodes starting now
        if (sealed()) {
            return 0;
        }
        if (storage.exists(MARKER)) {
            throw new Refused("this ledger has had MACs since " + MARKER.name() + " was written, so these rows lost "
                    + "theirs since");
        }
        if (checkpoints.latest().isPresent()) { // a forged one throws Forged: refused all the same
            throw new Refused("a checkpoint exists, so these rows lost their MACs after sealing");
        }
        var walk = new Object() {
            int chain = -1;
            long expectedSeq;
            String prevHash;
            long sealed;
            boolean sawMac;
            final java.util.Map<Integer, LedgerEvents.Sealed> ends = new java.util.HashMap<>();
            final List<LedgerEvent> pending = new ArrayList<>();

            void flush() {
                events.seal(pending, key);
                sealed += pending.size();
                pending.clear();
            }
        };
        events.forEachInOrder(row -> {
            var e = row.event();
            if (row.chain() != walk.chain) {
                walk.chain = row.chain();
                walk.expectedSeq = 1;
                walk.prevHash = LedgerHash.GENESIS;
                walk.sawMac = false;
            }
            if (row.seq() != walk.expectedSeq || !e.prevHash().equals(walk.prevHash)
                    || !LedgerHash.matches(row.chain(), row.seq(), e)) {
                throw new Refused("chain " + walk.chain + " breaks at seq " + walk.expectedSeq);
            }
            if (row.mac() == null) {
                if (walk.sawMac) {
                    throw new Refused("event " + e.id() + " has no MAC but follows events that have one");
                }
                walk.pending.add(e);
                if (walk.pending.size() == CHUNK) {
                    walk.flush();
                }
            } else {
                walk.sawMac = true;
            }
            walk.expectedSeq++;
            walk.prevHash = e.hash();
            walk.ends.put(row.chain(), row);
        });
        walk.flush();
        for (var head : events.heads()) {
            var end = walk.ends.get(head.chain());
            if (head.lastSeq() != (end == null ? 0 : end.seq())
                    || !head.lastHash().equals(end == null ? LedgerHash.GENESIS : end.event().hash())) {
                throw new Refused("the head of chain " + head.chain() + " does not match the end of the chain");
            }
        }
        long workspace = workspaces.firstId();
        var payload = new LinkedHashMap<String, Object>();
        payload.put("sealed_events", walk.sealed);
        payload.put("trust", "first use: events that predate row MACs were sealed as found at this upgrade");
        ledger.append(new LedgerEvent.New(workspace, Actor.SYSTEM, EventType.LEDGER_SEALED, "ledger", "0", null,
                payload));
        writeMarker(); // before the commit: a sealing storage did not record is rolled back, and retried
        return walk.sealed;
    }

    private void writeMarker() {
        byte[] body = "{\"macs\":true}".getBytes(StandardCharsets.UTF_8);
        storage.put(MARKER, new ByteArrayInputStream(body), body.length, "application/json");
    }

    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }
}
