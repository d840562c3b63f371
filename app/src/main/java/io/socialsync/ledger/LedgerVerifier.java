package io.socialsync.ledger;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the whole chain and reports the first broken link: a changed row (hash mismatch), a deleted row (gap in
 * ids or a head that points past the end), an inserted row (prev_hash mismatch or unexpected id), a row whose MAC
 * is missing or wrong (written or rewritten without the ledger key, even with every hash recomputed), and a chain
 * that no longer holds the latest signed checkpoint's event unchanged (rows cut from its end, head moved back).
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

        /** @param checkpoint the head id of the latest checkpoint the chain matched; null when there is none yet */
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
            checkpoint = checkpoints.latest();
        } catch (LedgerCheckpoints.Forged e) {
            return new Result.Broken(0, 0, e.getMessage());
        }
        long anchored = checkpoint.map(LedgerCheckpoints.Checkpoint::headId).orElse(-1L);
        var state = new Object() {
            long expectedId = 1;
            String prevHash = LedgerHash.GENESIS;
            long checked;
            String hashAtCheckpoint;
        };
        AtomicReference<Result.Broken> broken = new AtomicReference<>();
        events.forEachInOrder(sealed -> {
            var e = sealed.event();
            if (broken.get() != null) {
                return;
            }
            String problem = e.id() != state.expectedId
                    ? (e.id() > state.expectedId ? "event " + state.expectedId + " is missing (next stored id is "
                    + e.id() + ")" : "unexpected event id " + e.id())
                    : !e.prevHash().equals(state.prevHash) ? "prev_hash does not match the hash of event " + (e.id() - 1)
                    : !LedgerHash.of(e).equals(e.hash()) ? "content does not match its hash (row changed)"
                    : sealed.mac() == null ? "the row has no MAC (written outside the ledger)"
                    : !key.verifies(e.hash(), sealed.mac()) ? "the row's MAC does not match (written or rewritten "
                    + "without the ledger key)"
                    : null;
            if (problem != null) {
                broken.set(new Result.Broken(state.checked, state.expectedId, problem));
                return;
            }
            if (e.id() == anchored) {
                state.hashAtCheckpoint = e.hash();
            }
            state.checked++;
            state.expectedId++;
            state.prevHash = e.hash();
        });
        if (broken.get() != null) {
            return broken.get();
        }
        var head = events.head();
        long last = state.expectedId - 1;
        if (head.lastId() != last || !head.lastHash().equals(state.prevHash)) {
            return new Result.Broken(state.checked, head.lastId(), "chain ends at event " + last
                    + " but the head records event " + head.lastId() + " (rows deleted or appended outside the ledger)");
        }
        if (checkpoint.isPresent()) {
            String problem = LedgerCheckpoints.mismatch(checkpoint.get(), Optional.ofNullable(state.hashAtCheckpoint));
            if (problem != null) {
                return new Result.Broken(state.checked, anchored, problem);
            }
        }
        return new Result.Intact(state.checked, checkpoint.isPresent() ? anchored : null);
    }
}
