package io.socialsync.bench;

import io.socialsync.library.VideoQuery;
import io.socialsync.library.VideoState;
import io.socialsync.library.Videos;
import io.socialsync.workspace.Workspaces;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * GET /videos page cost as the inventory grows: the same page queries (first page, a deep keyset page, a state
 * filter, a date range) timed on a workspace of 10k rows and on one of 1M rows in the same database. Flat means
 * the ratio stays near 1. Prints one line per query kind and database; the last line is the summary.
 */
public final class InventoryBench {
    private static final int SMALL = 10_000;
    private static final int REPEATS = 200;

    public static void main(String[] args) throws Exception {
        int large = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String which = args.length > 1 ? args[1] : "both";
        var summary = new ArrayList<String>();
        if (!which.equals("h2")) {
            try (var pg = BenchDatabase.postgres("off", false)) {
                summary.add(run(pg, large));
            }
        }
        if (!which.equals("pg")) {
            try (var h2 = BenchDatabase.h2()) {
                summary.add(run(h2, large));
            }
        }
        System.out.println("summary: " + String.join(" ", summary));
    }

    private static String run(BenchDatabase db, int large) {
        try (var ctx = db.start()) {
            var jdbc = ctx.getBean(JdbcTemplate.class);
            var videos = ctx.getBean(Videos.class);
            long small = ctx.getBean(Workspaces.class).create("small").id();
            long big = ctx.getBean(Workspaces.class).create("large").id();
            long t0 = System.nanoTime();
            fill(jdbc, small, SMALL);
            fill(jdbc, big, large);
            jdbc.execute(db.isPostgres() ? "ANALYZE videos" : "ANALYZE");
            System.out.printf("%s: inserted %d + %d videos in %.1fs%n", db.name, SMALL, large,
                    (System.nanoTime() - t0) / 1e9);
            double worst = 0;
            for (var q : queries()) {
                var qs = q.apply(small, middleId(jdbc, small));
                var ql = q.apply(big, middleId(jdbc, big));
                double a = time(videos, qs);
                double b = time(videos, ql);
                double ratio = b / a;
                worst = Math.max(worst, ratio);
                System.out.printf("%s: %-18s 10k rows %.3f ms/page   %dk rows %.3f ms/page   ratio %.2f%n", db.name,
                        label(qs), a, large / 1000, b, ratio);
            }
            if (db.isPostgres()) {
                var range = queries().getLast().apply(big, middleId(jdbc, big));
                jdbc.query("EXPLAIN SELECT id FROM videos WHERE workspace_id = ? AND created_at >= ? AND created_at < ? "
                        + "ORDER BY created_at DESC, id DESC LIMIT 50", rs -> {
                            System.out.println("postgres plan: " + rs.getString(1));
                        }, big, OffsetDateTime.ofInstant(range.from(), ZoneOffset.UTC),
                        OffsetDateTime.ofInstant(range.to(), ZoneOffset.UTC));
            }
            return db.name + "_worst_ratio=" + String.format("%.2f", worst);
        }
    }

    /** Each query, given the workspace and an id in the middle of its rows (the deep page's cursor). */
    private static List<BiFunction<Long, Long, VideoQuery>> queries() {
        Instant from = Instant.parse("2025-01-02T00:00:00Z");
        return List.of(
                (ws, mid) -> new VideoQuery(ws, null, null, null, null, null, null, null, 50),
                (ws, mid) -> new VideoQuery(ws, null, null, null, null, null, null, mid, 50),
                (ws, mid) -> new VideoQuery(ws, VideoState.READY, null, null, null, null, null, null, 50),
                (ws, mid) -> new VideoQuery(ws, null, null, "pending", null, null, null, null, 50),
                (ws, mid) -> new VideoQuery(ws, null, null, null, from, from.plusSeconds(86_400), null, null, 50));
    }

    private static long middleId(JdbcTemplate jdbc, long ws) {
        return jdbc.queryForObject("SELECT (MIN(id) + MAX(id)) / 2 FROM videos WHERE workspace_id = ?", Long.class, ws);
    }

    private static String label(VideoQuery q) {
        if (q.before() != null) return "deep keyset page";
        if (q.state() != null) return "state=READY";
        if (q.statusFb() != null) return "status_fb=pending";
        if (q.from() != null) return "one-day range";
        return "first page";
    }

    /** Average milliseconds for one page (after a warm-up), reading the rows as the API would. */
    private static double time(Videos videos, VideoQuery q) {
        for (int i = 0; i < 20; i++) {
            videos.page(q);
        }
        long t = System.nanoTime();
        for (int i = 0; i < REPEATS; i++) {
            if (videos.page(q).isEmpty()) {
                throw new IllegalStateException("empty page for " + q);
            }
        }
        return (System.nanoTime() - t) / 1e6 / REPEATS;
    }

    private static void fill(JdbcTemplate jdbc, long workspace, int n) {
        String sql = "INSERT INTO videos (workspace_id, title, source, storage_key, size_bytes, sha256, state, "
                + "status_fb, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)";
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        int batch = 5_000;
        for (int done = 0; done < n; done += batch) {
            int from = done;
            int count = Math.min(batch, n - done);
            jdbc.batchUpdate(sql, new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                public void setValues(PreparedStatement ps, int i) throws java.sql.SQLException {
                    int k = from + i;
                    var at = OffsetDateTime.ofInstant(start.plusSeconds(k * 30L), ZoneOffset.UTC);
                    ps.setLong(1, workspace);
                    ps.setString(2, "Video " + k);
                    ps.setString(3, k % 3 == 0 ? "url" : "upload");
                    ps.setString(4, workspace + "/videos/" + k + ".mp4");
                    ps.setLong(5, 1_000_000L + k);
                    ps.setString(6, String.format("%064x", (workspace << 40) + k));
                    ps.setString(7, k % 10 == 0 ? "READY" : k % 10 == 1 ? "REJECTED" : "ANALYSING");
                    ps.setString(8, k % 4 == 0 ? "processed" : "pending");
                    ps.setObject(9, at);
                    ps.setObject(10, at);
                }

                public int getBatchSize() {
                    return count;
                }
            });
        }
    }
}
