package io.socialsync.insights;

import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import io.socialsync.publish.Publications;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a collection and its ledger event in one transaction: {@code metrics_collected}, or
 * {@code metrics_post_gone} when the platform says the post was deleted. At most one collection per checkpoint:
 * the publication row is locked first, so two runs of one job (a worker presumed dead) store it once.
 */
@Service
public class MetricsRecorder {
    private final PublicationMetrics metrics;
    private final Publications publications;
    private final Ledger ledger;

    public MetricsRecorder(PublicationMetrics metrics, Publications publications, Ledger ledger) {
        this.metrics = metrics;
        this.publications = publications;
        this.ledger = ledger;
    }

    /** @return the stored collection: this one, or the one an earlier run of the checkpoint stored */
    @Transactional
    public MetricsCollection record(MetricsCollection.New c, Actor actor) {
        publications.lockById(c.workspaceId(), c.publicationId());
        var existing = metrics.at(c.workspaceId(), c.publicationId(), c.checkpoint());
        if (existing.isPresent()) {
            return existing.get();
        }
        metrics.insert(c);
        var stored = metrics.at(c.workspaceId(), c.publicationId(), c.checkpoint()).orElseThrow();
        var payload = new LinkedHashMap<String, Object>();
        payload.put("checkpoint", c.checkpoint().wire());
        payload.put("platform", c.platform().wire());
        payload.put("external_id", c.externalId());
        payload.put("status", c.status().wire());
        payload.put("collected_at", c.collectedAt().toString());
        payload.put("metrics", common(stored));
        if (c.detail() != null) {
            payload.put("detail", c.detail());
        }
        ledger.append(new LedgerEvent.New(c.workspaceId(), actor, c.status() == CollectionStatus.GONE
                ? EventType.METRICS_POST_GONE : EventType.METRICS_COLLECTED, "publication",
                String.valueOf(c.publicationId()), c.jobId(), payload));
        return stored;
    }

    /** The values that have a common name, by that name: what webhook consumers can read across platforms. */
    static Map<String, Double> common(MetricsCollection c) {
        var map = new LinkedHashMap<String, Double>();
        c.values().stream().filter(v -> v.metric() != null).forEach(v -> map.put(v.metric(), v.value()));
        return map;
    }
}
