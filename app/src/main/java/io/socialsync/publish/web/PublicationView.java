package io.socialsync.publish.web;

import io.socialsync.publish.Publication;
import io.socialsync.publish.PublishRuns;
import io.socialsync.publish.runs.MediaSource;
import java.time.Instant;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/** A publication in the seed's shape: string ids, lower-case status, schedule_type "scheduled" (or "immediate": no window end). */
@NullMarked
public record PublicationView(String id, String clipId, @Nullable String variantId, String platform,
                              String socialAccountId, String status, String scheduleType, Instant scheduledFor,
                              @Nullable Instant scheduledWindowEnd, @Nullable Instant requestedFor,
                              String scheduledBy, int rulesVersion, @Nullable String caption, @Nullable Long jobId,
                              @Nullable String lastError, Instant createdAt, Instant updatedAt,
                              @Nullable String publisher, @Nullable String externalId, @Nullable String url,
                              @Nullable Instant postedAt, String variantStatus, @Nullable String variantError) {

    /**
     * With the publishing result (who posts it, internal/external, and once posted the platform's id and URL) and
     * the state of the file it will post: {@code variant_status} ready, rendering, failed (why in
     * {@code variant_error}) or missing.
     */
    static PublicationView of(Publication p, PublishRuns.Result r, MediaSource.VariantStatus v) {
        return new PublicationView(String.valueOf(p.id()), String.valueOf(p.clipId()),
                p.variantId() == null ? null : String.valueOf(p.variantId()), p.platform().wire(),
                String.valueOf(p.socialAccountId()), p.state().wire(), p.windowEnd() == null ? "immediate" : "scheduled", p.scheduledFor(), p.windowEnd(),
                p.requestedFor(), p.scheduledBy(), p.rulesVersion(), p.caption(), p.jobId(), p.lastError(),
                p.createdAt(), p.updatedAt(), r == null ? null : r.publisher(), r == null ? null : r.externalId(),
                r == null ? null : r.url(), r == null ? null : r.postedAt(), v.status(), v.error());
    }
}
