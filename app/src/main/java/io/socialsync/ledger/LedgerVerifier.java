package io.socialsync.ledger;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks every chain and reports the first broken link: a changed row (hash mismatch), a deleted row (gap in a
 * chain's seqs or a head that points past its end), an inserted row (prev_hash mismatch or unexpected seq), a row
 * moved to another chain or place (its hash covers both), a row whose MAC is missing or wrong (written or rewritten
 * without the ledger key, even with every hash recomputed), and a chain that no longer holds the event the latest
 * signed checkpoint recorded as its head (rows cut from its end, head moved back, the chain emptied), and a
 * checkpoint deleted or replaced (one that names a predecessor no longer in storage).
 */
@Component
public class LedgerVerifier {
    private final LedgerEvents events;
    private final LedgerKey key;
    private final LedgerCheckpoints checkpoints;

    public LedgerVerifier(LedgerEvents events, LedgerKey key, LedgerCheckpoints checkpoints) {
        this.events = events;
        this.key = key;
        this.checkpoints = checkpoints;
    }

    public sealed interface Result {
        long checked();

        /** @param checkpoint how many events the latest checkpoint the chains matched covers; null when there is none yet */
        record Intact(long checked, Long checkpoint) implements Result {
        }

        record Broken(long checked, long id, String reason) implements Result {
        }
    }

    /** One snapshot (repeatable read): appends committed during the walk would otherwise look like a moved head. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Result verify() {
        Optional<LedgerCheckpoints.Checkpoint> checkpoint;
        try {
            checkpoint = checkpoints.chained();
        } catch (LedgerCheckpoints.Forged e) {
            return new Result.Broken(0, 0, e.getMessage());
        }
        var heads = new TreeMap<Integer, LedgerEvents.Head>();
        events.heads().forEach(h -> heads.put(h.chain(), h));
        var anchored = new HashMap<Integer, LedgerCheckpoints.StripeHead>();
        checkpoint.ifPresent(c -> c.heads().forEach(h -> anchored.put(h.chain(), h)));
        var state = new Object() {
            int chain = -1;
            long expectedSeq;
            String prevHash;
            long checked;
            final Map<Integer, String> hashAtCheckpoint = new HashMap<>();
            final Map<Integer, LedgerEvents.Sealed> ends = new HashMap<>(); // each chain's last row
        };
        AtomicReference<Result.Broken> broken = new AtomicReference<>();
        events.forEachInOrder(sealed -> {
            var e = sealed.event();
            if (broken.get() != null) {
                return;
            }
            if (sealed.chain() != state.chain) {
                state.chain = sealed.chain();
                state.expectedSeq = 1;
                state.prevHash = LedgerHash.GENESIS;
            }
            String where = "chain " + sealed.chain() + " seq " + state.expectedSeq;
            String problem = !heads.containsKey(sealed.chain()) ? "chain " + sealed.chain() + " has no head (rows "
                    + "inserted outside the ledger)"
                    : sealed.seq() != state.expectedSeq
                    ? (sealed.seq() > state.expectedSeq ? "event " + where + " is missing (next stored is seq "
                    + sealed.seq() + ", event " + e.id() + ")" : "unexpected seq " + sealed.seq() + " in chain "
                    + sealed.chain())
                    : !e.prevHash().equals(state.prevHash) ? "prev_hash does not match the hash of the previous event "
                    + "of chain " + sealed.chain()
                    : !LedgerHash.matches(sealed.chain(), sealed.seq(), e) ? "content does not match its hash (row "
                    + "changed, or moved to another chain or place)"
                    : sealed.mac() == null ? "the row has no MAC (written outside the ledger)"
                    : !key.verifies(e.hash(), sealed.mac()) ? "the row's MAC does not match (written or rewritten "
                    + "without the ledger key)"
                    : null;
            if (problem != null) {
                // the id of the row found wrong; for a missing row, the id of the one stored after it
                broken.set(new Result.Broken(state.checked, e.id(), problem));
                return;
            }
            var a = anchored.get(sealed.chain());
            if (a != null && a.seq() == sealed.seq()) {
                state.hashAtCheckpoint.put(sealed.chain(), e.hash());
            }
            state.checked++;
            state.expectedSeq++;
            state.prevHash = e.hash();
            state.ends.put(sealed.chain(), sealed);
        });
        if (broken.get() != null) {
            return broken.get();
        }
        for (var head : heads.values()) {
            var last = state.ends.get(head.chain());
            long end = last == null ? 0 : last.seq();
            String endHash = last == null ? LedgerHash.GENESIS : last.event().hash();
            if (head.lastSeq() != end || !head.lastHash().equals(endHash)) {
                return new Result.Broken(state.checked, last == null ? 0 : last.event().id(), "chain "
                        + head.chain() + " ends at seq " + end + " but its head records seq " + head.lastSeq()
                        + " (rows deleted or appended outside the ledger)");
            }
        }
        if (checkpoint.isPresent()) {
            for (var a : checkpoint.get().heads()) {
                String problem = LedgerCheckpoints.mismatch(checkpoint.get(), a,
                        Optional.ofNullable(state.hashAtCheckpoint.get(a.chain())));
                if (problem != null) {
                    return new Result.Broken(state.checked, a.id(), problem);
                }
            }
        }
        return new Result.Intact(state.checked, checkpoint.map(LedgerCheckpoints.Checkpoint::events).orElse(null));
    }
}
