package io.socialsync.inventory;

import io.socialsync.node.PeriodicTask;
import io.socialsync.workspace.Workspaces;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Keeps {@code SOCIALSYNC_INVENTORY_PARQUET} current, as the seed kept {@code inventario_videos.parquet}: every
 * {@code debounce} it compares the workspace's videos (count, newest id, latest update) with the last snapshot and,
 * when they moved, writes a new one beside it and renames it over the old, so a reader never sees half a file.
 * Polling the table also catches changes made by other processes (the CLI, other nodes).
 */
@Service
public class InventorySnapshot implements PeriodicTask.Owner {
    private final InventoryExport export;
    private final JdbcTemplate jdbc;
    private final Workspaces workspaces;
    private final InventorySnapshotSettings settings;
    private volatile String written;

    public InventorySnapshot(InventoryExport export, JdbcTemplate jdbc, Workspaces workspaces,
                             InventorySnapshotSettings settings) {
        this.export = export;
        this.jdbc = jdbc;
        this.workspaces = workspaces;
        this.settings = settings;
    }

    @Override
    public PeriodicTask periodic() {
        return PeriodicTask.of("Inventory snapshot", roles -> settings.enabled() && roles.scheduler(),
                settings.debounce(), this::refresh, "Rewrote the inventory snapshot ({} videos)")
                .firstAfter(Duration.ofSeconds(1));
    }

    /** @return the rows written, 0 when nothing changed */
    public int refresh() throws Exception {
        Path target = Path.of(settings.parquet()).toAbsolutePath();
        long ws = workspaces.byName(settings.workspace()).orElseThrow(() -> new IllegalStateException(
                "SOCIALSYNC_INVENTORY_WORKSPACE: no workspace named '" + settings.workspace() + "'")).id();
        String now = jdbc.queryForObject("SELECT COUNT(*), MAX(id), MAX(updated_at) FROM videos WHERE workspace_id = ?",
                (rs, n) -> rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getObject(3), ws);
        if (now.equals(written) && Files.exists(target)) {
            return 0;
        }
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        long rows = export.toParquet(ws, temp);
        privateToUs(temp);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        written = now;
        return (int) rows;
    }

    private static void privateToUs(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
