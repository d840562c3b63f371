package io.socialsync.publish;

import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.platforms.Journal;
import io.socialsync.platforms.Progress;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link Journal} on the publication row. Each write is its own committed transaction with a
 * {@code publish_step_recorded} ledger event, so what was about to happen survives any crash. A write that finds
 * the row no longer PUBLISHING stops the run: someone else decided its fate.
 */
final class WriteAheadJournal implements Journal {
    private final Publication publication;
    private final PublishRuns runs;
    private final PublishEvents events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Actor actor;
    private final BiConsumer<Integer, String> report;
    private volatile Progress current;

    /** @param report the job's progress (percent, message); it throws when the job was cancelled or reclaimed */
    WriteAheadJournal(Publication publication, Progress start, PublishRuns runs, PublishEvents events,
                      TransactionTemplate tx, Clock clock, Actor actor, BiConsumer<Integer, String> report) {
        this.publication = publication;
        this.current = start;
        this.runs = runs;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.actor = actor;
        this.report = report;
    }

    @Override
    public Progress progress() {
        return current;
    }

    @Override
    public void intent(String step) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        write(() -> runs.intent(publication.workspaceId(), publication.id(), step, now), step, "intent", Map.of());
        current = new Progress(step, now, current.handles(), current.recoveryTries());
    }

    @Override
    public void recorded(String step, Map<String, String> handles) {
        var merged = new LinkedHashMap<>(current.handles());
        merged.putAll(handles);
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        write(() -> runs.recorded(publication.workspaceId(), publication.id(), step, merged, now), step, "done",
                handles);
        current = new Progress(step, null, merged, current.recoveryTries());
    }

    @Override
    public void transferred(long bytes, long total) {
        if (total > 0) {
            report.accept((int) (bytes * 100 / total), String.format(Locale.ROOT, "uploaded %.1f of %.1f MB to %s",
                    bytes / 1e6, total / 1e6, publication.platform().wire()));
        }
    }

    @Override
    public void reset(String why) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        write(() -> runs.recorded(publication.workspaceId(), publication.id(), "reset", Map.of(), now), "reset",
                "reset: " + why, Map.of());
        current = new Progress("reset", null, Map.of(), current.recoveryTries());
    }

    private void write(java.util.function.BooleanSupplier update, String step, String phase,
                       Map<String, String> handles) {
        tx.executeWithoutResult(status -> {
            if (!update.getAsBoolean()) {
                throw new CancellationException("publication " + publication.id() + " is no longer publishing");
            }
            var payload = PublishEvents.base(publication);
            payload.put("step", step);
            payload.put("phase", phase);
            payload.put("handles", loggable(handles));
            events.record(publication, actor, EventType.PUBLISH_STEP_RECORDED, payload);
        });
    }

    /** Upload URLs and session URIs are capabilities (anyone holding one can write to it): never in the ledger. */
    private static Map<String, String> loggable(Map<String, String> handles) {
        var safe = new LinkedHashMap<String, String>();
        handles.forEach((k, v) -> safe.put(k, k.endsWith("_url") || k.endsWith("_uri") ? "(recorded)" : v));
        return safe;
    }
}
