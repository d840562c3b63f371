package io.socialsync.publish;

import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Ledger events of publications, in the caller's transaction; entity type "publication", id the row id. */
@Component
class PublishEvents {
    private final Ledger ledger;

    PublishEvents(Ledger ledger) {
        this.ledger = ledger;
    }

    void record(Publication p, Actor actor, EventType type, Map<String, Object> payload) {
        record(p, p.jobId(), actor, type, payload);
    }

    void record(Publication p, Long jobId, Actor actor, EventType type, Map<String, Object> payload) {
        ledger.append(event(p, jobId, actor, type, payload));
    }

    /** Several events under one lock of the ledger's head. */
    void recordAll(List<LedgerEvent.New> events) {
        ledger.appendAll(events);
    }

    static LedgerEvent.New event(Publication p, Long jobId, Actor actor, EventType type, Map<String, Object> payload) {
        return new LedgerEvent.New(p.workspaceId(), actor, type, "publication", String.valueOf(p.id()), jobId,
                payload);
    }

    /** The fields every publication event starts with (the seed's clip_id, platform, social_account_id). */
    static Map<String, Object> base(Publication p) {
        var map = new LinkedHashMap<String, Object>();
        map.put("clip_id", String.valueOf(p.clipId()));
        map.put("variant_id", p.variantId() == null ? null : String.valueOf(p.variantId()));
        map.put("platform", p.platform().wire());
        map.put("social_account_id", String.valueOf(p.socialAccountId()));
        return map;
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
