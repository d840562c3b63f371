package io.socialsync.inventory;

import static io.socialsync.db.Timestamps.utc;

import io.socialsync.library.Videos;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * Writes a workspace's inventory to Parquet with DuckDB (in memory, no server): the seed's columns, with
 * created_at/updated_at as UTC-zoned timestamps so DuckDB and polars read them back as instants.
 */
@Service
public class InventoryExport {
    private static final String COLUMNS = "video_id BIGINT, title VARCHAR, source_url VARCHAR, uploader VARCHAR, "
            + "source VARCHAR, duration_s DOUBLE, file_path VARCHAR, sha256 VARCHAR, state VARCHAR, "
            + "status_fb VARCHAR, created_at TIMESTAMPTZ, updated_at TIMESTAMPTZ, processed_at TIMESTAMPTZ";
    private final Videos videos;

    public InventoryExport(Videos videos) {
        this.videos = videos;
    }

    /** @return the number of rows written */
    public long toParquet(long workspaceId, Path file) throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            try (var s = duck.createStatement()) {
                s.execute("SET TimeZone = 'UTC'");
                s.execute("CREATE TABLE inventory (" + COLUMNS + ")");
            }
            long[] count = {0};
            try (var insert = duck.prepareStatement("INSERT INTO inventory VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                forEach(workspaceId, row -> {
                    try {
                        bind(insert, row);
                        insert.addBatch();
                        if (++count[0] % 1000 == 0) {
                            insert.executeBatch();
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                insert.executeBatch();
            }
            try (var copy = duck.createStatement()) {
                String target = file.toAbsolutePath().toString().replace("'", "''");
                copy.execute("COPY (SELECT * FROM inventory ORDER BY video_id) TO '" + target
                        + "' (FORMAT parquet, COMPRESSION zstd)");
            }
            return count[0];
        }
    }

    private void forEach(long workspaceId, Consumer<InventoryRow> consumer) {
        videos.forEachInIdOrder(workspaceId, v -> consumer.accept(new InventoryRow(v.id(), v.title(), v.sourceUrl(),
                v.uploader(), v.source(), v.durationMs() == null ? null : v.durationMs() / 1000.0, v.storageKey(),
                v.sha256(), v.state().name(), v.statusFb(), v.createdAt(), v.updatedAt(), v.processedAt())));
    }

    private static void bind(java.sql.PreparedStatement s, InventoryRow r) throws SQLException {
        s.setLong(1, r.videoId());
        s.setString(2, r.title());
        s.setString(3, r.sourceUrl());
        s.setString(4, r.uploader());
        s.setString(5, r.source());
        s.setObject(6, r.durationSeconds());
        s.setString(7, r.filePath());
        s.setString(8, r.sha256());
        s.setString(9, r.state());
        s.setString(10, r.statusFb());
        // an explicit UTC offset: a java.sql.Timestamp would be read through the JVM's zone
        s.setObject(11, utc(r.createdAt()));
        s.setObject(12, utc(r.updatedAt()));
        s.setObject(13, utc(r.processedAt()));
    }
}
