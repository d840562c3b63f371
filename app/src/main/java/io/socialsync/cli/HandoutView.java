package io.socialsync.cli;

import io.socialsync.inventory.InventoryPublisher;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code publish --get-next} prints for a processed video (the seed's "next processed" row): its variants'
 * signed links, the claim's end, and the commands that report it. Ids are strings, as in publication claims.
 */
record HandoutView(String videoId, String title, String sourceUrl, String statusFb, Instant leaseExpiresAt,
                   List<VariantLink> variants, Map<String, String> report) {

    record VariantLink(String variantId, String clipId, String format, String preset, String videoUrl,
                       Long sizeBytes, Long durationMs, Integer width, Integer height) {
    }

    static HandoutView of(InventoryPublisher.Handout h) {
        var v = h.video();
        String id = String.valueOf(v.id());
        return new HandoutView(id, v.title(), v.sourceUrl(), v.statusFb(), h.claimedUntil(),
                h.variants().stream().map(l -> new VariantLink(String.valueOf(l.variantId()),
                        String.valueOf(l.clipId()), l.format(), l.preset(), l.url().toString(), l.sizeBytes(),
                        l.durationMs(), l.width(), l.height())).toList(),
                Map.of("posted", "socialsync publish --mark-posted " + id,
                        "failed", "socialsync publish --mark-failed " + id));
    }
}
