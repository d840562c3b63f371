package io.socialsync.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.library.Video;
import io.socialsync.library.Videos;
import io.socialsync.support.Eventually;
import io.socialsync.workspace.Workspace;
import io.socialsync.workspace.Workspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** SOCIALSYNC_INVENTORY_PARQUET: the snapshot follows the videos by itself, read back as the seed's users would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "socialsync.inventory.debounce=200ms", "socialsync.roles.workers=false"})
@DirtiesContext
class InventorySnapshotTest {
    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("socialsync.data-dir", () -> dataDir.resolve("data").toString());
        registry.add("socialsync.inventory.parquet", () -> dataDir.resolve("inventario_videos.parquet").toString());
    }

    @Autowired
    Videos videos;
    @Autowired
    Workspaces workspaces;
    @Autowired
    InventorySnapshot snapshot;

    @Test
    void theSnapshotIsRewrittenAfterChangesAndReadsBackWithDuckDb() throws Exception {
        Path file = dataDir.resolve("inventario_videos.parquet");
        long ws = workspaces.byName(Workspace.DEFAULT_NAME).orElseThrow().id();
        long first = video(ws, "primero");
        long second = video(ws, "segundo");
        long elsewhere = video(workspaces.create("other-" + UUID.randomUUID()).id(), "ajeno");
        Eventually.await("both videos in the snapshot", Duration.ofSeconds(30),
                () -> Files.exists(file) && rows(file).size() == 2);
        assertThat(rows(file)).containsExactly(first + " primero pending", second + " segundo pending")
                .noneMatch(r -> r.startsWith(elsewhere + " "));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        videos.statusFb(ws, first, "processed", Instant.now(), Instant.now());
        Eventually.await("the status change in the snapshot", Duration.ofSeconds(30),
                () -> rows(file).contains(first + " primero processed"));
        assertThat(snapshot.refresh()).as("nothing changed since: no rewrite").isZero();
        try (var dir = Files.list(dataDir)) {
            assertThat(dir.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    private long video(long ws, String title) {
        return videos.insert(new Video.New(ws, Video.Source.upload, title, null, null, title + ".mp4",
                ws + "/videos/" + UUID.randomUUID() + ".mp4", "video/mp4", 10, UUID.randomUUID().toString()), null,
                Instant.now());
    }

    /** "id title status_fb" per row, in id order, straight from the Parquet file. */
    private static List<String> rows(Path file) {
        try (var duck = DriverManager.getConnection("jdbc:duckdb:"); var s = duck.createStatement();
             var rs = s.executeQuery("SELECT video_id, title, status_fb FROM read_parquet('"
                     + file.toString().replace("'", "''") + "') ORDER BY video_id")) {
            var out = new ArrayList<String>();
            while (rs.next()) {
                out.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
            return out;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
