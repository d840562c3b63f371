package io.socialsync.insights;

import static io.socialsync.db.Timestamps.utc;

import io.socialsync.db.Timestamps;
import io.socialsync.platforms.MetricValue;
import io.socialsync.platforms.Platform;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL over publication_metrics and its values; every query is scoped by workspace. */
@Repository
public class PublicationMetrics {
    private static final String SERIES = "SELECT c.id, c.workspace_id, c.publication_id, c.platform, c.external_id, "
            + "c.checkpoint, c.status, c.detail, c.job_id, c.collected_at, v.platform_metric, v.metric, "
            + "v.metric_value FROM publication_metrics c "
            + "LEFT JOIN publication_metric_values v ON v.collection_id = c.id "
            + "WHERE c.workspace_id = :ws AND c.publication_id = :publication";
    private final JdbcClient jdbc;

    public PublicationMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(MetricsCollection.New c) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO publication_metrics (workspace_id, publication_id, platform, external_id, checkpoint, "
                        + "status, detail, job_id, collected_at) VALUES (?,?,?,?,?,?,?,?,?)")
                .params(c.workspaceId(), c.publicationId(), c.platform().wire(), c.externalId(), c.checkpoint().wire(),
                        c.status().name(), c.detail(), c.jobId(), utc(c.collectedAt()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (MetricValue v : c.values()) {
            jdbc.sql("INSERT INTO publication_metric_values (collection_id, platform_metric, metric, metric_value) "
                    + "VALUES (?,?,?,?)").params(id, v.platformMetric(), v.metric(), v.value()).update();
        }
        return id;
    }

    /** A publication's collections in the order they were made, each with its values. */
    public List<MetricsCollection> series(long ws, long publicationId) {
        return collect(jdbc.sql(SERIES + " ORDER BY c.collected_at, c.id, v.platform_metric")
                .param("ws", ws).param("publication", publicationId).query(PublicationMetrics::row).list());
    }

    /**
     * The series of the workspace's latest publications that have metrics (by publication id, newest first, below
     * {@code before} when given): two indexed queries, whatever the number of publications.
     */
    public Map<Long, List<MetricsCollection>> latest(long ws, Long before, int limit) {
        // workspace_id selected and ordered by too: so H2 reads the checkpoint index backwards, not all of it
        List<Long> ids = jdbc.sql("SELECT DISTINCT workspace_id, publication_id FROM publication_metrics "
                        + "WHERE workspace_id = :ws AND publication_id < :before "
                        + "ORDER BY workspace_id DESC, publication_id DESC LIMIT :limit")
                .param("ws", ws).param("before", before == null ? Long.MAX_VALUE : before).param("limit", limit)
                .query((rs, n) -> rs.getLong(2)).list();
        var series = new LinkedHashMap<Long, List<MetricsCollection>>();
        ids.forEach(id -> series.put(id, new ArrayList<>()));
        if (!ids.isEmpty()) {
            var rows = jdbc.sql(SERIES.replace("c.publication_id = :publication", "c.publication_id IN (:ids)")
                            + " ORDER BY c.publication_id, c.collected_at, c.id, v.platform_metric")
                    .param("ws", ws).param("ids", ids).query(PublicationMetrics::row).list();
            collect(rows).forEach(c -> series.get(c.publicationId()).add(c));
        }
        return series;
    }

    public Optional<MetricsCollection> at(long ws, long publicationId, Checkpoint checkpoint) {
        return collect(jdbc.sql(SERIES + " AND c.checkpoint = :checkpoint ORDER BY v.platform_metric")
                .param("ws", ws).param("publication", publicationId).param("checkpoint", checkpoint.wire())
                .query(PublicationMetrics::row).list()).stream().findFirst();
    }

    /** True once a collection found the post deleted: later checkpoints have nothing to ask about. */
    public boolean gone(long ws, long publicationId) {
        return jdbc.sql("SELECT COUNT(*) FROM publication_metrics WHERE workspace_id = ? AND publication_id = ? "
                        + "AND status = 'GONE'")
                .params(ws, publicationId).query(Long.class).single() > 0;
    }

    private record Row(MetricsCollection collection, MetricValue value) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        var c = new MetricsCollection(rs.getLong("id"), rs.getLong("workspace_id"), rs.getLong("publication_id"),
                Platform.parse(rs.getString("platform")).orElseThrow(), rs.getString("external_id"),
                Checkpoint.parse(rs.getString("checkpoint")).orElseThrow(),
                CollectionStatus.valueOf(rs.getString("status")), rs.getString("detail"),
                rs.getObject("job_id", Long.class), Timestamps.instant(rs, "collected_at"), List.of());
        String platformMetric = rs.getString("platform_metric");
        var value = platformMetric == null ? null
                : new MetricValue(platformMetric, rs.getString("metric"), rs.getDouble("metric_value"));
        return new Row(c, value);
    }

    /** Joined rows (one per value, or one without a value) back into collections, keeping their order. */
    private static List<MetricsCollection> collect(List<Row> rows) {
        var byId = new LinkedHashMap<Long, MetricsCollection>();
        Map<Long, List<MetricValue>> values = new LinkedHashMap<>();
        for (Row r : rows) {
            byId.putIfAbsent(r.collection().id(), r.collection());
            var list = values.computeIfAbsent(r.collection().id(), id -> new ArrayList<>());
            if (r.value() != null) {
                list.add(r.value());
            }
        }
        return byId.values().stream().map(c -> new MetricsCollection(c.id(), c.workspaceId(), c.publicationId(),
                c.platform(), c.externalId(), c.checkpoint(), c.status(), c.detail(), c.jobId(), c.collectedAt(),
                List.copyOf(values.get(c.id())))).toList();
    }
}
