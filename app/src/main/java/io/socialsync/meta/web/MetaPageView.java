package io.socialsync.meta.web;

import io.socialsync.meta.MetaPage;
import java.time.Instant;

/** A connected page as the API shows it. */
public record MetaPageView(long id, String pageId, String igUserId, String name, Instant createdAt) {
    static MetaPageView of(MetaPage p) {
        return new MetaPageView(p.id(), p.pageId(), p.igUserId(), p.name(), p.createdAt());
    }
}
