package io.socialsync.jobs;

import io.socialsync.db.ConnectionFailures;
import io.socialsync.domain.Errors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whether this node's workers can reach the queue (its database). A run of failed claims is one outage (told apart:
 * the database unreachable, or answering with an error, e.g. a bug or a broken migration): logged when
 * it starts and when it ends, not per attempt; meanwhile the poller waits a bounded exponential backoff with jitter
 * (1 s doubling to 30 s) instead of its poll interval, and the health endpoint's {@code jobs} component says DOWN.
 * The process keeps running: when the database answers again, claiming resumes by itself.
 */
@Component
public class QueueOutage {
    static final Duration FIRST_WAIT = Duration.ofSeconds(1), LONGEST_WAIT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(QueueOutage.class);
    private final Clock clock;
    private final Backoff backoff = new Backoff(FIRST_WAIT, LONGEST_WAIT);
    private volatile Down down;

    /**
     * Since when claims fail, how many did, and the last one's error as people read it. {@code unreachable}: the
     * database could not be reached (a lost or refused connection); otherwise it answered with an error.
     */
    public record Down(Instant since, int attempts, String error, boolean unreachable) {
    }

    @Autowired
    public QueueOutage(Clock clock) {
        this.clock = clock;
    }

    public Optional<Down> down() {
        return Optional.ofNullable(down);
    }

    /** A claim failed: starts or extends the outage. @return how long to wait before trying again */
    synchronized Duration unreachable(RuntimeException e) {
        String error = Errors.oneLine(e);
        boolean unreachable = ConnectionFailures.connectionLost(e);
        if (down == null) {
            down = new Down(clock.instant(), 1, error, unreachable);
            if (unreachable) {
                log.warn("Workers cannot reach the job queue's database ({}); retrying with backoff up to {} s until "
                        + "it answers", error, LONGEST_WAIT.toSeconds());
            } else {
                // not an outage of the network but an error the database or this code gave: the trace is the lead
                log.error("Workers' claims fail ({}); retrying with backoff up to {} s", error,
                        LONGEST_WAIT.toSeconds(), e);
            }
        } else {
            down = new Down(down.since(), down.attempts() + 1, error, unreachable);
        }
        return backoff.delay(down.attempts());
    }

    /** A claim went through: ends an outage, if there was one. */
    void reachable() {
        if (down == null) {
            return;
        }
        synchronized (this) {
            if (down != null) {
                log.info("Workers reach the job queue's database again after {} s ({} failed attempts); claiming "
                        + "resumes", Duration.between(down.since(), clock.instant()).toSeconds(), down.attempts());
                down = null;
            }
        }
    }
}
