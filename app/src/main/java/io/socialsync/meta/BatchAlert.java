package io.socialsync.meta;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import java.util.LinkedHashMap;
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
    private static final Logger log = LoggerFactory.getLogger(BatchAlert.class);
    private final Ledger ledger;
    private final Counter degraded;

    public BatchAlert(Ledger ledger, MeterRegistry meters) {
        this.ledger = ledger;
        this.degraded = Counter.builder("socialsync.meta.download.batch.degraded")
                .description("media download batches with more than 20% errors").register(meters);
    }

    static boolean passesThreshold(int attempted, int failed) {
        return attempted > 0 && failed * 5L > attempted;
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
