package io.socialsync.jobs;

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
 * Whether this node's workers can reach the queue (its database). A run of failed claims is one outage: logged when
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

    /** Since when claims fail, how many did, and the last one's error as people read it. */
    public record Down(Instant since, int attempts, String error) {
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
        if (down == null) {
            down = new Down(clock.instant(), 1, error);
            log.warn("Workers cannot reach the job queue's database ({}); retrying with backoff up to {} s until it "
                    + "answers", error, LONGEST_WAIT.toSeconds());
        } else {
            down = new Down(down.since(), down.attempts() + 1, error);
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
