package io.socialsync.insights;

import io.socialsync.platforms.MetricValue;
import io.socialsync.platforms.Platform;
import java.time.Instant;
import java.util.List;

/** One collection of a publication's metrics at a checkpoint, as stored. */
public record MetricsCollection(long id, long workspaceId, long publicationId, Platform platform, String externalId,
                                Checkpoint checkpoint, CollectionStatus status, String detail, Long jobId,
                                Instant collectedAt, List<MetricValue> values) {

    /** What the INSIGHTS job records; the repository adds the id. */
    public record New(long workspaceId, long publicationId, Platform platform, String externalId,
                      Checkpoint checkpoint, CollectionStatus status, String detail, Long jobId,
                      Instant collectedAt, List<MetricValue> values) {
    }
}
