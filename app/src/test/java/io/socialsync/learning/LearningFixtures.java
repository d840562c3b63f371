package io.socialsync.learning;

import io.socialsync.insights.Checkpoint;
import io.socialsync.insights.CollectionStatus;
import io.socialsync.insights.MetricsCollection;
import io.socialsync.insights.MetricsRecorder;
import io.socialsync.ledger.Actor;
import io.socialsync.platforms.MetricValue;
import io.socialsync.platforms.Platform;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Library and publication rows written straight to the tables, and metrics recorded as insights records them. */
public final class LearningFixtures {
    private static final OffsetDateTime CREATED = OffsetDateTime.of(2029, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private LearningFixtures() {
    }

    public static long insert(JdbcClient jdbc, String sql, Object... params) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKey().longValue();
    }

    public static long clip(JdbcClient jdbc, long ws, int score, long durationMs, int hook) {
        long video = insert(jdbc, "INSERT INTO videos (workspace_id, source, storage_key, size_bytes, sha256, state, "
                + "created_at, updated_at) VALUES (?, 'UPLOAD', 'videos/x.mp4', 1, ?, 'READY', ?, ?)", ws,
                UUID.randomUUID().toString().replace("-", ""), CREATED, CREATED);
        return insert(jdbc, "INSERT INTO clips (workspace_id, video_id, rank, start_ms, end_ms, score, sub_scores, "
                + "reason, created_at) VALUES (?, ?, 1, 0, ?, ?, ?, 'clip', ?)", ws, video, durationMs, score,
                "{\"hook\":" + hook + "}", CREATED);
    }

    public static long variant(JdbcClient jdbc, long ws, long clip, String params) {
        return insert(jdbc, "INSERT INTO variants (workspace_id, clip_id, format, preset, preset_params, seed, state, "
                + "created_at, updated_at) VALUES (?, ?, 'instagram_reel', 'random', ?, 42, 'READY', ?, ?)", ws, clip,
                params, CREATED, CREATED);
    }

    public static long posted(JdbcClient jdbc, long ws, long clip, Long variant, long account, Instant at) {
        var t = at.atOffset(ZoneOffset.UTC);
        return insert(jdbc, "INSERT INTO publications (workspace_id, clip_id, variant_id, social_account_id, platform, "
                + "state, scheduled_for, rules_version, scheduled_by, created_at, updated_at, posted_at, external_id) "
                + "VALUES (?, ?, ?, ?, 'instagram', 'POSTED', ?, 0, 'manual', ?, ?, ?, ?)", ws, clip, variant, account,
                t, t, t, t, "m" + UUID.randomUUID());
    }

    public static void metrics(MetricsRecorder recorder, long ws, long publication, Checkpoint c, Instant at, double likes) {
        recorder.record(new MetricsCollection.New(ws, publication, Platform.INSTAGRAM, "m", c,
                CollectionStatus.COLLECTED, null, null, at, List.of(new MetricValue("likes", "likes", likes),
                new MetricValue("comments", "comments", 0))), Actor.SYSTEM);
    }
}
