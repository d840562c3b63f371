package io.socialsync.library;

import io.socialsync.domain.Errors;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import io.socialsync.media.render.RenderedVariant;
import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageKey;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Stores rendered files and marks their variants READY (or FAILED), each with its ledger event. */
@Service
public class VariantLifecycle {
    private final Variants variants;
    private final Storage storage;
    private final Ledger ledger;
    private final TransactionTemplate tx;
    private final Clock clock;

    public VariantLifecycle(Variants variants, Storage storage, Ledger ledger, TransactionTemplate tx, Clock clock) {
        this.variants = variants;
        this.storage = storage;
        this.ledger = ledger;
        this.tx = tx;
        this.clock = clock;
    }

    /** Uploads first (slow, outside any transaction), then one transaction for the rows and events. */
    /** @param fence run first in the recording transaction, as in {@link ClipRecorder#record}: the job's progress */
    int store(Video video, Clip clip, List<Variant> pending, List<RenderedVariant> rendered, long jobId,
              Runnable fence) {
        var keys = new LinkedHashMap<RenderedVariant, StorageKey>();
        for (RenderedVariant rv : rendered) {
            var key = StorageKey.of(video.workspaceId() + "/variants/" + clip.id() + "/job" + jobId + "-"
                    + rv.path().getFileName());
            storage.putFile(key, rv.path());
            keys.put(rv, key);
        }
        Actor actor = Actor.SYSTEM;
        return tx.execute(status -> {
            fence.run();
            int ready = 0;
            for (Variant v : pending) {
                for (var entry : keys.entrySet()) {
                    RenderedVariant rv = entry.getKey();
                    if (rv.formats().contains(v.format()) && rv.preset().name().equals(v.preset())
                            && rv.seed() == v.seed()) {
                        variants.ready(v.workspaceId(), v.id(), entry.getValue().value(), rv.width(), rv.height(),
                                rv.duration().toMillis(), rv.sizeBytes(), VariantWarnings.json(rv.warnings()),
                                clock.instant());
                        ledger.append(new LedgerEvent.New(v.workspaceId(), actor, EventType.VARIANT_RENDERED,
                                "variant", Long.toString(v.id()), jobId,
                                Map.of("clip_id", clip.id(), "format", v.format(),
                                        "preset", rv.preset().describe(), "size_bytes", rv.sizeBytes())));
                        ready++;
                        break;
                    }
                }
            }
            return ready;
        });
    }

    void failed(List<Variant> pending, String rawError, long jobId) {
        String error = Errors.forUsers(rawError, 2000);
        tx.executeWithoutResult(status -> pending.forEach(v -> {
            variants.failed(v.workspaceId(), v.id(), error, clock.instant());
            ledger.append(new LedgerEvent.New(v.workspaceId(), Actor.SYSTEM, EventType.VARIANT_FAILED, "variant",
                    Long.toString(v.id()), jobId, Map.of("error", error)));
        }));
    }
}
