package io.socialsync.webapp;

import io.socialsync.ledger.LedgerVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * The ledger page's "Verify": the chain walk reads every row of every workspace, so any member may ask, but a
 * walk is shared: one runs at a time and a result younger than {@link #FRESH} is shown again rather than redone.
 * The result names no other workspace's content: a count, or the first broken event's id and what is wrong.
 */
@Component
class ChainCheck {
    static final Duration FRESH = Duration.ofSeconds(30);
    private final LedgerVerifier verifier;
    private final Clock clock;
    private final ReentrantLock walking = new ReentrantLock();
    private volatile Verification last;
    private volatile Instant lastAt;

    ChainCheck(LedgerVerifier verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    /** What the page shows: intact or the first broken event, and when it was checked. */
    public record Verification(boolean intact, long checked, Long brokenId, String reason, String at) {
        static Verification of(LedgerVerifier.Result result, Instant at) {
            return switch (result) {
                case LedgerVerifier.Result.Intact ok -> new Verification(true, ok.checked(), null, null, Times.show(at));
                case LedgerVerifier.Result.Broken b -> new Verification(false, b.checked(), b.id(), b.reason(),
                        Times.show(at));
            };
        }
    }

    Optional<Verification> last() {
        return Optional.ofNullable(last);
    }

    Verification run() {
        walking.lock(); // a second request waits for the walk under way and then reads its result
        try {
            Instant now = clock.instant();
            var known = last;
            if (known != null && lastAt != null && lastAt.plus(FRESH).isAfter(now)) {
                return known;
            }
            last = Verification.of(verifier.verify(), now);
            lastAt = now;
            return last;
        } finally {
            walking.unlock();
        }
    }
}
