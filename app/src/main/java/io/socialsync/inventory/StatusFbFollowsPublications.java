package io.socialsync.inventory;

import io.socialsync.ledger.EventType;
import io.socialsync.ledger.LedgerEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed's status_fb moves when a publication of the video ends, whoever posted it: the ledger's
 * publish_posted/publish_failed (appended in the outcome's transaction, so the two commit together).
 */
@Component
class StatusFbFollowsPublications {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final InventoryPublisher publisher;

    StatusFbFollowsPublications(InventoryPublisher publisher) {
        this.publisher = publisher;
    }

    @EventListener
    public void on(LedgerEvent event) {
        boolean posted = EventType.PUBLISH_POSTED.is(event.eventType());
        if ((!posted && !EventType.PUBLISH_FAILED.is(event.eventType())) || !"publication".equals(event.entityType())) {
            return;
        }
        var clipId = JSON.readTree(event.payload()).path("clip_id").asString("");
        if (!clipId.isEmpty()) {
            publisher.publicationSettled(event.workspaceId(), Long.parseLong(clipId), posted);
        }
    }
}
