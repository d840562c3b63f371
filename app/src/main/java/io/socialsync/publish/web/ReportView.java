package io.socialsync.publish.web;

import io.socialsync.publish.Publication;
import io.socialsync.publish.PublishRuns;
import java.time.Instant;

/** A publication after an orchestrator's report: its status and, once posted, where. */
public record ReportView(String publicationId, String status, String publisher, String externalId, String url,
                         Instant postedAt, String lastError) {

    static ReportView of(Publication p, PublishRuns.Result r) {
        return new ReportView(String.valueOf(p.id()), p.state().wire(), r.publisher(), r.externalId(), r.url(),
                r.postedAt(), p.lastError());
    }
}
