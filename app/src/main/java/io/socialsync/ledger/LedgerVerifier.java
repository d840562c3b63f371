package io.socialsync.ledger;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the whole chain and reports the first broken link: a changed row (hash mismatch), a deleted row
 * (gap in ids or a head that points past the end), an inserted row (prev_hash mismatch or unexpected id).
 */
@Component
public class LedgerVerifier {
    private final LedgerEvents events;

    public LedgerVerifier(LedgerEvents events) {
        this.events = events;
    }

    public sealed interface Result {
        long checked();

        record Intact(long checked) implements Result {
        }

        record Broken(long checked, long id, String reason) implements Result {
        }
    }

    @Transactional(readOnly = true)
    public Result verify() {
        var state = new Object() {
            long expectedId = 1;
            String prevHash = LedgerHash.GENESIS;
            long checked;
        };
        AtomicReference<Result.Broken> broken = new AtomicReference<>();
        events.forEachInOrder(e -> {
            if (broken.get() != null) {
                return;
            }
            if (e.id() != state.expectedId) {
                broken.set(new Result.Broken(state.checked, state.expectedId, e.id() > state.expectedId
                        ? "event " + state.expectedId + " is missing (next stored id is " + e.id() + ")"
                        : "unexpected event id " + e.id()));
            } else if (!e.prevHash().equals(state.prevHash)) {
                broken.set(new Result.Broken(state.checked, e.id(), "prev_hash does not match the hash of event "
                        + (e.id() - 1)));
            } else if (!LedgerHash.of(e).equals(e.hash())) {
                broken.set(new Result.Broken(state.checked, e.id(), "content does not match its hash (row changed)"));
            } else {
                state.checked++;
                state.expectedId++;
                state.prevHash = e.hash();
            }
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
        return new Result.Intact(state.checked);
    }
}
