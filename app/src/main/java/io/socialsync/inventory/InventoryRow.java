package io.socialsync.inventory;

import java.time.Instant;

/** One line of the seed's inventory (Social-Media-Sync kept it in data/inventario_videos.parquet). */
public record InventoryRow(long videoId, String title, String sourceUrl, String uploader, String source,
                           Double durationSeconds, String filePath, String sha256, String state, String statusFb,
                           Instant createdAt, Instant updatedAt, Instant processedAt) {
}
