package io.socialsync.campaigns;

import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Ledger events of campaigns (entity "campaign") and ad accounts (entity "ad_account"), in the caller's
 * transaction. Tokens never go in.
 */
@Component
class CampaignEvents {
    private final Ledger ledger;

    CampaignEvents(Ledger ledger) {
        this.ledger = ledger;
    }

    void record(Campaign c, Actor actor, Long jobId, EventType type, Map<String, Object> extra) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("post_platform", c.postPlatform());
        payload.put("post_id", c.postId());
        payload.put("publication_id", c.publicationId() == null ? null : String.valueOf(c.publicationId()));
        payload.putAll(extra);
        ledger.append(new LedgerEvent.New(c.workspaceId(), actor, type, "campaign", String.valueOf(c.id()), jobId,
                payload));
    }

    void account(AdAccount a, Actor actor, EventType type, Map<String, Object> payload) {
        ledger.append(new LedgerEvent.New(a.workspaceId(), actor, type, "ad_account", String.valueOf(a.id()), null,
                payload));
    }
}
