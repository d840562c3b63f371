package io.socialsync.ingest.tus;

import io.socialsync.config.SocialSyncProperties;
import io.socialsync.node.PeriodicTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Deletes expired uploads (row and .part file) and .part files no row knows (a crash between the two). Runs every
 * {@code socialsync.ingest.tus.sweep-interval} on nodes with the scheduler or worker role. Nodes keep their own
 * .part files, so with several API nodes each needs one of those roles or a shared data directory.
 */
@Component
public class TusSweep implements PeriodicTask.Owner {
    private static final int BATCH = 500;
    private final TusUploads rows;
    private final TusFiles files;
    private final Clock clock;
    private final SocialSyncProperties properties;

    public TusSweep(TusUploads rows, TusFiles files, Clock clock, SocialSyncProperties properties) {
        this.rows = rows;
        this.files = files;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public PeriodicTask periodic() {
        return PeriodicTask.of("tus sweep", roles -> roles.scheduler() || roles.workers(),
                properties.ingest().tus().sweepInterval(), this::sweep, "Removed {} expired tus upload(s)")
                .firstAfter(Duration.ofMinutes(1));
    }

    /** @return how many uploads (rows or orphaned files) were removed */
    public int sweep() throws IOException {
        int removed = 0;
        for (var batch = rows.expired(clock.instant(), BATCH); !batch.isEmpty(); batch = rows.expired(clock.instant(), BATCH)) {
            for (TusUpload upload : batch) {
                files.delete(upload.id()); // the file first: a row without its file is still cleaned next time
                rows.delete(upload.workspaceId(), upload.id());
                removed++;
            }
        }
        try (var parts = files.all()) {
            for (Path part : parts.toList()) {
                if (orphaned(part)) {
                    Files.deleteIfExists(part);
                    removed++;
                }
            }
        }
        return removed;
    }

    /** A file with no row, older than the expiry: its row was never written or already deleted. */
    private boolean orphaned(Path part) throws IOException {
        String name = part.getFileName().toString();
        UUID id;
        try {
            id = UUID.fromString(name.substring(0, name.length() - ".part".length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        var age = Files.getLastModifiedTime(part).toInstant().plus(properties.ingest().tus().expiry());
        return age.isBefore(clock.instant()) && !rows.exists(id);
    }
}
