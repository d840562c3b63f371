package io.socialsync.meta;

import io.socialsync.domain.Conflict;
import io.socialsync.domain.Invalid;
import io.socialsync.domain.NotFound;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Connecting and disconnecting pages: what routes a webhook's events to a workspace. */
@Service
public class MetaPageService {
    private final MetaPages pages;
    private final Ledger ledger;
    private final Clock clock;

    public MetaPageService(MetaPages pages, Ledger ledger, Clock clock) {
        this.pages = pages;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    public MetaPage connect(long workspaceId, String pageId, String igUserId, String name, Actor actor) {
        if (pageId == null && igUserId == null) {
            throw new Invalid("give page_id, ig_user_id or both");
        }
        if (pages.taken(workspaceId, pageId, igUserId)) {
            throw new Conflict("this page or Instagram account is already connected to the workspace");
        }
        long id = pages.insert(workspaceId, pageId, igUserId, name, clock.instant());
        record(workspaceId, id, EventType.META_PAGE_CONNECTED, pageId, igUserId, actor);
        return pages.byId(workspaceId, id).orElseThrow();
    }

    public List<MetaPage> list(long workspaceId) {
        return pages.list(workspaceId);
    }

    /** Events of the page stop landing here; what they created stays. */
    @Transactional
    public void disconnect(long workspaceId, long id, Actor actor) {
        var page = pages.byId(workspaceId, id).orElseThrow(() -> new NotFound("meta page", id));
        pages.delete(workspaceId, id);
        record(workspaceId, id, EventType.META_PAGE_DISCONNECTED, page.pageId(), page.igUserId(), actor);
    }

    private void record(long ws, long id, EventType type, String pageId, String igUserId, Actor actor) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("page_id", pageId);
        payload.put("ig_user_id", igUserId);
        ledger.append(new LedgerEvent.New(ws, actor, type, "meta_page", Long.toString(id), null, payload));
    }
}
