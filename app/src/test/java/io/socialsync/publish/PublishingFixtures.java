package io.socialsync.publish;

import io.socialsync.support.Api;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Library rows written straight to the tables (the library API is not what these tests are about), and JSON. */
final class PublishingFixtures {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OffsetDateTime CREATED = OffsetDateTime.of(2029, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private PublishingFixtures() {
    }

    static long clip(JdbcClient jdbc, long ws) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO videos (workspace_id, source, storage_key, size_bytes, sha256, state, created_at, "
                        + "updated_at) VALUES (?, 'UPLOAD', 'videos/x.mp4', 1, ?, 'READY', ?, ?)")
                .params(ws, UUID.randomUUID().toString().replace("-", ""), CREATED, CREATED).update(keys, "id");
        long video = keys.getKey().longValue();
        keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO clips (workspace_id, video_id, rank, start_ms, end_ms, score, sub_scores, reason, "
                        + "created_at) VALUES (?, ?, 1, 0, 15000, 80, '{}', 'test clip', ?)")
                .params(ws, video, CREATED).update(keys, "id");
        return keys.getKey().longValue();
    }

    static long variant(JdbcClient jdbc, long ws, long clip) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO variants (workspace_id, clip_id, format, preset, preset_params, seed, state, created_at, "
                        + "updated_at) VALUES (?, ?, 'instagram-reel', 'plain', '{}', 42, 'READY', ?, ?)")
                .params(ws, clip, CREATED, CREATED).update(keys, "id");
        return keys.getKey().longValue();
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    static JsonNode schedule(Api api, Map<String, Object> body) {
        return api.post("/publishing/schedule", json(body)).json();
    }
}
