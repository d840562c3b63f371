package io.socialsync.ledger.web;

import io.socialsync.ledger.LedgerEvent;
import io.socialsync.ledger.LedgerEvents;
import io.socialsync.ledger.LedgerQuery;
import io.socialsync.web.Caller;
import io.socialsync.web.Page;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
public class LedgerController {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final LedgerEvents events;

    public LedgerController(LedgerEvents events) {
        this.events = events;
    }

    public record EventView(long id, Instant occurredAt, String actor, String eventType, String entityType,
                            String entityId, Long jobId, JsonNode payload, String prevHash, String hash) {
        static EventView of(LedgerEvent e) {
            return new EventView(e.id(), e.occurredAt(), e.actor(), e.eventType(), e.entityType(), e.entityId(),
                    e.jobId(), JSON.readTree(e.payload()), e.prevHash(), e.hash());
        }
    }

    /** Newest first; pass next_cursor as {@code before} for older events. */
    @GetMapping("/ledger")
    Page<EventView> ledger(Caller caller, @RequestParam(name = "entity_type", required = false) String entityType,
                           @RequestParam(name = "entity_id", required = false) String entityId,
                           @RequestParam(name = "event_type", required = false) String eventType,
                           @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                           @RequestParam(required = false) Long before, @RequestParam(required = false) Integer limit) {
        int size = Page.limit(limit, 50, 500);
        var items = events.page(new LedgerQuery(caller.workspaceId(), entityType, entityId, eventType, from, to,
                before, size)).stream().map(EventView::of).toList();
        return Page.of(items, size, EventView::id);
    }

    @GetMapping("/debug/ledger/recent")
    List<EventView> recent(Caller caller, @RequestParam(defaultValue = "50") Integer limit) {
        int size = Page.limit(limit, 50, 500);
        return events.page(new LedgerQuery(caller.workspaceId(), null, null, null, null, null, null, size)).stream()
                .map(EventView::of).toList();
    }
}
