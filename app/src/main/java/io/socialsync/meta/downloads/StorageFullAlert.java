package io.socialsync.meta.downloads;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import io.socialsync.ledger.LedgerEvents;
import io.socialsync.ledger.LedgerQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A full storage is critical, not a download's bad luck: every download after it fails too. An ERROR line marked
 * CRITICAL, the {@code socialsync.meta.storage.full} counter and a {@code meta_storage_full} ledger event (so
 * webhooks carry it), at most once per workspace and {@link #QUIET}: the ledger tells whether any node raised it
 * (two nodes at the same moment may both); the failed post retries as usual.
 */
@Component
public class StorageFullAlert {
    static final Duration QUIET = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(StorageFullAlert.class);
    private final Ledger ledger;
    private final LedgerEvents events;
    private final Counter full;
    private final Clock clock;
    private final Map<Long, Instant> raised = new ConcurrentHashMap<>();

    public StorageFullAlert(Ledger ledger, LedgerEvents events, MeterRegistry meters, Clock clock) {
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
        this.full = Counter.builder("socialsync.meta.storage.full")
                .description("Meta media downloads refused by a full storage").register(meters);
    }

    /** In the caller's transaction. @return whether the alert was raised now */
    public boolean raise(long workspaceId, long metaPostId, long jobId, String message) {
        full.increment();
        Instant now = clock.instant();
        Instant last = raised.get(workspaceId);
        if (last != null && last.isAfter(now.minus(QUIET))) {
            return false;
        }
        var elsewhere = events.page(new LedgerQuery(workspaceId, null, null, EventType.META_STORAGE_FULL.wire(),
                now.minus(QUIET), null, null, 1));
        if (!elsewhere.isEmpty()) {
            raised.put(workspaceId, elsewhere.getFirst().occurredAt());
            return false;
        }
        raised.put(workspaceId, now);
        log.error("CRITICAL: the storage is full; Meta media downloads of workspace {} fail until space is freed "
                + "(post {}, job {}): {}", workspaceId, metaPostId, jobId, message);
        ledger.append(new LedgerEvent.New(workspaceId, Actor.SYSTEM, EventType.META_STORAGE_FULL, "meta_post",
                Long.toString(metaPostId), jobId, Map.of("severity", "critical", "error", message)));
        return true;
    }
}
