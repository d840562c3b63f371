package io.socialsync.meta.downloads;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seed's alert: a batch whose error rate passes 20% (strictly more than one failure in five) leaves a ledger
 * event, a counter tick and a WARN line, so whichever of the three an operator watches, they see it.
 */
@Component
public class BatchAlert {
    /** Fewer recent downloads than this say nothing about a rate: one failure on arrival is not 100 % trouble. */
    static final int MIN_RECENT = 5;
    private static final Logger log = LoggerFactory.getLogger(BatchAlert.class);
    private final Ledger ledger;
    private final Counter degraded;
    private final MediaStates states;
    private final Clock clock;
    private final Map<Long, Instant> raised = new ConcurrentHashMap<>();

    public BatchAlert(Ledger ledger, MeterRegistry meters, MediaStates states, Clock clock) {
        this.ledger = ledger;
        this.states = states;
        this.clock = clock;
        this.degraded = Counter.builder("socialsync.meta.download.batch.degraded")
                .description("media download batches with more than 20% errors").register(meters);
    }

    static boolean passesThreshold(int attempted, int failed) {
        return attempted > 0 && failed * 5L > attempted;
    }

    /**
     * The same alert over downloads started on arrival (and their retries), which no batch counts: the workspace's
     * downloads settled in the last {@code window} (the batch interval), once there are {@link #MIN_RECENT} of
     * them, raised at most once per window and node.
     *
     * @return whether the alert was raised
     */
    @Transactional
    public boolean checkRecent(long workspaceId, long jobId, Duration window) {
        Instant now = clock.instant();
        int[] counts = states.settledSince(workspaceId, now.minus(window));
        if (counts[0] < MIN_RECENT || !passesThreshold(counts[0], counts[1])) {
            return false;
        }
        Instant last = raised.get(workspaceId);
        if (last != null && last.isAfter(now.minus(window))) {
            return false;
        }
        raised.put(workspaceId, now);
        double rate = (double) counts[1] / counts[0];
        log.warn("Meta media downloads of workspace {} in the last {}: {} of {} failed ({}%)", workspaceId, window,
                counts[1], counts[0], Math.round(rate * 100));
        degraded.increment();
        var payload = new LinkedHashMap<String, Object>();
        payload.put("attempted", counts[0]);
        payload.put("failed", counts[1]);
        payload.put("error_rate", Math.round(rate * 1000) / 1000.0);
        payload.put("window_seconds", window.toSeconds());
        payload.put("source", "on_arrival");
        ledger.append(new LedgerEvent.New(workspaceId, Actor.SYSTEM, EventType.META_DOWNLOADS_DEGRADED, "job",
                Long.toString(jobId), jobId, payload));
        return true;
    }

    /** @return whether the alert was raised */
    @Transactional
    public boolean check(long workspaceId, long jobId, int attempted, int failed) {
        if (!passesThreshold(attempted, failed)) {
            return false;
        }
        double rate = (double) failed / attempted;
        log.warn("Meta media download batch (job {}, workspace {}) had {} of {} downloads fail ({}%)", jobId,
                workspaceId, failed, attempted, Math.round(rate * 100));
        degraded.increment();
        var payload = new LinkedHashMap<String, Object>();
        payload.put("attempted", attempted);
        payload.put("failed", failed);
        payload.put("error_rate", Math.round(rate * 1000) / 1000.0);
        ledger.append(new LedgerEvent.New(workspaceId, Actor.SYSTEM, EventType.META_DOWNLOAD_BATCH_DEGRADED, "job",
                Long.toString(jobId), jobId, payload));
        return true;
    }
}
