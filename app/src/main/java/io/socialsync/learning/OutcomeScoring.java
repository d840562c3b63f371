package io.socialsync.learning;

import io.socialsync.insights.Checkpoint;
import io.socialsync.insights.CollectionStatus;
import io.socialsync.insights.PublicationMetrics;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores a publication at a checkpoint from its collected metrics (see {@link EngagementScore}) against its
 * account's baseline at that time, and stores it with the features it is learned by. A score once stored stays:
 * the baseline is "the account's recent posts when this one was measured", so rescoring later would change it.
 */
@Service
public class OutcomeScoring {
    static final int PERCENTILE_POSTS = 100;
    private final Outcomes outcomes;
    private final PublicationMetrics metrics;
    private final Ledger ledger;
    private final Clock clock;

    public OutcomeScoring(Outcomes outcomes, PublicationMetrics metrics, Ledger ledger, Clock clock) {
        this.outcomes = outcomes;
        this.metrics = metrics;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * {@code publication_scored}, in the transaction that stores the score: what a rule acting on good posts
     * listens to (issue #14's "boost the winners": a post whose 24 h {@code account_percentile} is at least 0.9 is
     * in its account's top 10 %), as insights listens to {@code publish_posted}.
     */
    private void record(Outcome o) {
        double percentile = outcomes.percentile(o.workspaceId(), o.socialAccountId(), o.checkpoint(),
                o.publicationId(), o.score(), PERCENTILE_POSTS);
        var payload = new LinkedHashMap<String, Object>();
        payload.put("checkpoint", o.checkpoint());
        payload.put("social_account_id", o.socialAccountId());
        payload.put("platform", o.platform());
        payload.put("engagement", o.engagement());
        payload.put("baseline_posts", o.baselinePosts());
        payload.put("score", o.score());
        payload.put("account_percentile", Double.isNaN(percentile) ? null : percentile);
        ledger.append(new LedgerEvent.New(o.workspaceId(), Actor.worker("learning"), EventType.PUBLICATION_SCORED, "publication",
                String.valueOf(o.publicationId()), null, payload));
    }

    /** Where the publication's stored score at the checkpoint ranks in its account now; empty when unscored. */
    public Optional<Standing> standing(long ws, long publicationId, Checkpoint checkpoint) {
        return outcomes.at(ws, publicationId, checkpoint.wire()).map(o -> {
            var rank = outcomes.rank(ws, o.socialAccountId(), o.checkpoint(), publicationId, o.score(),
                    PERCENTILE_POSTS);
            return new Standing(publicationId, o.checkpoint(), o.socialAccountId(), o.platform(), o.score(),
                    Double.isNaN(rank.percentile()) ? null : rank.percentile(), rank.compared());
        });
    }

    /** @return the stored outcome, or empty when there is nothing to score (no usable metrics, not posted) */
    @Transactional
    public Optional<Outcome> score(long ws, long publicationId, Checkpoint checkpoint) {
        var existing = outcomes.at(ws, publicationId, checkpoint.wire());
        if (existing.isPresent()) {
            return existing;
        }
        var collection = metrics.at(ws, publicationId, checkpoint).filter(c -> c.status() == CollectionStatus.COLLECTED);
        var facts = outcomes.facts(ws, publicationId);
        if (collection.isEmpty() || facts.isEmpty()) {
            return Optional.empty();
        }
        var common = new HashMap<String, Double>();
        collection.get().values().stream().filter(v -> v.metric() != null).forEach(v -> common.put(v.metric(), v.value()));
        Double engagement = EngagementScore.engagement(common);
        if (engagement == null) {
            return Optional.empty();
        }
        var f = facts.get();
        var earlier = outcomes.recentEngagements(ws, f.socialAccountId(), checkpoint.wire(), f.postedAt(),
                EngagementScore.BASELINE_POSTS);
        double baseline = EngagementScore.baseline(earlier);
        var o = new Outcome(ws, publicationId, checkpoint.wire(), f.socialAccountId(), f.platform(), f.clipId(),
                f.postedAt(), engagement, Double.isNaN(baseline) ? null : baseline, earlier.size(),
                EngagementScore.score(engagement, baseline), f.postedAt().atZone(f.zone()).getHour(),
                ClipFeatures.preset(f.presetParams()), ClipFeatures.scoreBand(f.clipScore()),
                ClipFeatures.lengthBand(f.durationMs()), ClipFeatures.hookBand(f.subScores()),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        outcomes.insert(o);
        record(o);
        return Optional.of(o);
    }
}
