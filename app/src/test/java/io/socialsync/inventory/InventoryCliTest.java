package io.socialsync.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.apikey.ApiKeyService;
import io.socialsync.ledger.Actor;
import io.socialsync.support.Cli;
import io.socialsync.support.Eventually;
import io.socialsync.support.Multipart;
import io.socialsync.support.ServerTest;
import io.socialsync.support.TestDatabases;
import io.socialsync.support.TestVideos;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The seed's inventory workflow from the CLI, against the same database as a running server. */
class InventoryCliTest extends ServerTest {

    @BeforeEach
    void cliOnTheServersDatabase() {
        Cli.useDatabase(TestDatabases.freshH2(DATA), DATA);
    }

    @AfterEach
    void forget() {
        Cli.forgetDatabase();
    }

    @Autowired Workspaces workspaces;
    @Autowired ApiKeyService keys;

    @Test
    void exportWritesParquetAndEditProcessesTheOldestPendingVideo() throws Exception {
        // a workspace of its own: the server's database is shared with other test classes
        String name = "inventory-" + UUID.randomUUID();
        long ws = workspaces.create(name).id();
        var admin = this.admin.withKey(keys.create(ws, "t", Role.ADMIN, Actor.SYSTEM).plainKey());
        var upload = admin.send(new Multipart().field("title", "Inventory song")
                .file("file", "song.mp4", "video/mp4", TestVideos.bytes(TestVideos.music("inventory", 16)))
                .into(admin.request("/upload")));
        long id = upload.json().get("video").get("id").asLong();
        Eventually.await("video analysed", Duration.ofMinutes(3),
                () -> admin.get("/videos/" + id).json().get("state").asString().equals("READY"));

        Path parquet = Files.createTempDirectory("export").resolve("inventory.parquet");
        var export = Cli.run("inventory", "export", "--workspace", name, "--parquet", parquet.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        try (var duck = DriverManager.getConnection("jdbc:duckdb:"); var s = duck.createStatement()) {
            var rs = s.executeQuery("SELECT title, status_fb, duration_s, typeof(created_at), "
                    + "epoch_us(created_at) FROM read_parquet('" + parquet + "') WHERE video_id = " + id);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Inventory song");
            assertThat(rs.getString(2)).isEqualTo("pending");
            assertThat(rs.getDouble(3)).isBetween(15.5, 16.5);
            assertThat(rs.getString(4)).isEqualTo("TIMESTAMP WITH TIME ZONE");
            var created = java.time.Instant.parse(admin.get("/videos/" + id).json().get("created_at").asString());
            assertThat(rs.getLong(5)).isEqualTo(created.getEpochSecond() * 1_000_000 + created.getNano() / 1000);
        }

        var edit = Cli.run("edit", "--workspace", name);
        assertThat(edit.exit()).as(edit.err()).isZero();
        assertThat(edit.out()).contains("processed video " + id);
        var video = admin.get("/videos/" + id).json();
        assertThat(video.get("status_fb").asString()).isEqualTo("processed");
        assertThat(video.get("processed_at").isNull()).isFalse();
        long clipId = admin.get("/videos/" + id + "/clips").json().get(0).get("id").asLong();
        var variants = admin.get("/clips/" + clipId).json().get("variants");
        assertThat(variants.size()).isEqualTo(InventoryEditor.DEFAULT_PLATFORMS.size());
        variants.forEach(v -> assertThat(v.get("state").asString()).isEqualTo("READY"));
        variants.forEach(v -> assertThat(v.get("preset").asString()).isEqualTo("random"));

        var nothing = Cli.run("edit", "--workspace", name);
        assertThat(nothing.exit()).isEqualTo(3);
        assertThat(nothing.err()).contains("no pending video");

        var badFolder = Cli.run("inventory", "export", "--parquet", "/no/such/folder/x.parquet");
        assertThat(badFolder.exit()).isEqualTo(2);
        assertThat(badFolder.err().strip()).startsWith("socialsync: --parquet: the folder /no/such/folder does not exist");
    }
}
