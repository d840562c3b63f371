package io.socialsync.edit;

import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import io.socialsync.media.edit.EditResult;
import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageKey;
import java.time.Clock;
import java.util.LinkedHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores an edit's output and records it: the upload first (slow, no transaction), then the row and its
 * {@code asset_created} event in one transaction. The key is derived from the job, so a re-run overwrites the
 * same object rather than leaving an orphan.
 */
@Service
public class AssetRecorder {
    private final Assets assets;
    private final Storage storage;
    private final Ledger ledger;
    private final TransactionTemplate tx;
    private final Clock clock;

    public AssetRecorder(Assets assets, Storage storage, Ledger ledger, TransactionTemplate tx, Clock clock) {
        this.assets = assets;
        this.storage = storage;
        this.ledger = ledger;
        this.tx = tx;
        this.clock = clock;
    }

    public Asset record(long workspaceId, String kind, long jobId, EditResult result) {
        var key = StorageKey.of(workspaceId + "/assets/job" + jobId + "-" + kind.replace('_', '-') + ".mp4");
        var stored = storage.putFile(key, result.output());
        var video = result.info().video();
        var row = new Asset.New(workspaceId, kind, key.value(), "video/mp4", stored.size(),
                result.duration().toMillis(), video.map(v -> v.width()).orElse(null),
                video.map(v -> v.height()).orElse(null), jobId);
        return tx.execute(status -> {
            long id = assets.insert(row, clock.instant());
            var payload = new LinkedHashMap<String, Object>();
            payload.put("kind", kind);
            payload.put("size_bytes", row.sizeBytes());
            payload.put("duration_ms", row.durationMs());
            ledger.append(new LedgerEvent.New(workspaceId, Actor.SYSTEM, EventType.ASSET_CREATED, "asset",
                    Long.toString(id), jobId, payload));
            return assets.byId(workspaceId, id).orElseThrow();
        });
    }
}
