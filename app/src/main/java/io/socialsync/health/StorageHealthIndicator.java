package io.socialsync.health;

import io.socialsync.config.DataDirectory;
import java.nio.file.Files;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Readiness: the data directory exists and is writable, with its free space shown. */
@Component("storage")
public class StorageHealthIndicator implements HealthIndicator {
    private final DataDirectory dataDir;

    public StorageHealthIndicator(DataDirectory dataDir) {
        this.dataDir = dataDir;
    }

    @Override
    public Health health() {
        var root = dataDir.root();
        try {
            var probe = Files.createTempFile(root, ".health", ".tmp");
            Files.delete(probe);
            return Health.up().withDetail("path", root.toString())
                    .withDetail("free_bytes", Files.getFileStore(root).getUsableSpace()).build();
        } catch (Exception e) {
            return Health.down().withDetail("path", root.toString()).withDetail("error", e.getMessage()).build();
        }
    }
}
