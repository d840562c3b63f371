package io.socialsync.meta.webhooks;

import io.socialsync.jobs.Workers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores a verified delivery and applies it in one transaction, which commits before the 200 goes out: if Meta
 * hears 200, the body and everything it created are durable; if not, nothing is, and Meta's redelivery starts
 * clean. A body seen before (same bytes, same hash) is acknowledged without doing anything again.
 */
@Service
public class MetaWebhookService {
    private static final Logger log = LoggerFactory.getLogger(MetaWebhookService.class);
    private final MetaWebhookEvents events;
    private final MetaChanges changes;
    private final Workers workers;
    private final Clock clock;

    public MetaWebhookService(MetaWebhookEvents events, MetaChanges changes, Workers workers, Clock clock) {
        this.events = events;
        this.changes = changes;
        this.workers = workers;
        this.clock = clock;
    }

    /** {@code eventId} null for a redelivery. */
    public record Received(Long eventId, boolean duplicate, MetaChanges.Applied applied) {
    }

    @Transactional
    public Received receive(byte[] body) {
        String sha256 = HexFormat.of().formatHex(HubSignature.sha256(body));
        var parsed = MetaPayloads.parse(body);
        Instant now = clock.instant();
        var id = events.insertIfNew(now, parsed.object(), new String(body, StandardCharsets.UTF_8), sha256);
        if (id.isEmpty()) {
            log.info("Meta webhook redelivered (body sha256 {}); already stored", sha256);
            return new Received(null, true, MetaChanges.Applied.NONE);
        }
        var applied = changes.apply(id.get(), parsed.changes(), now);
        String note = parsed.problem() != null ? parsed.problem() : applied.summary();
        events.processed(id.get(), now, note);
        if (parsed.problem() != null) {
            log.info("Meta webhook {} stored but not used: {}", id.get(), parsed.problem());
        }
        if (applied.jobs() > 0) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    workers.wakeUp(); // the arrival downloads are visible only now
                }
            });
        }
        return new Received(id.get(), false, applied);
    }
}
