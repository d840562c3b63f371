package io.socialsync.inventory;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code socialsync.inventory.*}: a Parquet snapshot of one workspace's inventory kept current at {@code parquet}
 * (blank: none), for the seed's polars scripts; checked every {@code debounce}, so a burst of changes is one rewrite.
 */
@ConfigurationProperties("socialsync.inventory")
public record InventorySnapshotSettings(@DefaultValue("") String parquet, @DefaultValue("5s") Duration debounce,
                                        @DefaultValue("default") String workspace) {
    boolean enabled() {
        return parquet != null && !parquet.isBlank();
    }
}
