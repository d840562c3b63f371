package io.socialsync.health;

import io.socialsync.storage.Storage;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Readiness: the configured storage answers (local: a file can be written, with free space shown; S3: the bucket). */
@Component("storage")
public class StorageHealthIndicator implements HealthIndicator {
    private final Storage storage;

    public StorageHealthIndicator(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Health health() {
        try {
            return Health.up().withDetails(storage.check()).build();
        } catch (Exception e) {
            return Health.down().withDetail("error", e.getMessage()).build();
        }
    }
}
