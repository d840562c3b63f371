package io.socialsync.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.support.Api;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import tools.jackson.databind.json.JsonMapper;

/** An account and scheduled posts made through the API; the clip they post is written straight to the tables. */
final class CalendarFixtures {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OffsetDateTime CREATED = OffsetDateTime.of(2029, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private CalendarFixtures() {
    }

    static long account(Api api, String handle, String zone) {
        var created = api.post("/social-accounts", JSON.writeValueAsString(Map.of("platform", "instagram",
                "handle", handle, "timezone", zone, "access_token", "t")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    /** A post of a new clip on the account at exactly {@code at} (inside the window, clear of the gap). */
    static long post(Api api, JdbcClient jdbc, long ws, long account, String at) {
        var scheduled = api.post("/publishing/schedule", JSON.writeValueAsString(Map.of("clip_id",
                String.valueOf(clip(jdbc, ws)), "platform", "instagram", "social_account_id", String.valueOf(account),
                "scheduled_for", at)));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        assertThat(scheduled.json().path("scheduled_for").asString()).isEqualTo(at);
        return scheduled.json().path("publish_log_id").asLong();
    }

    private static long clip(JdbcClient jdbc, long ws) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO videos (workspace_id, source, storage_key, size_bytes, sha256, state, created_at, "
                        + "updated_at) VALUES (?, 'UPLOAD', 'videos/x.mp4', 1, ?, 'READY', ?, ?)")
                .params(ws, UUID.randomUUID().toString().replace("-", ""), CREATED, CREATED).update(keys, "id");
        long video = keys.getKey().longValue();
        keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO clips (workspace_id, video_id, rank, start_ms, end_ms, score, sub_scores, reason, "
                        + "created_at) VALUES (?, ?, 1, 0, 15000, 80, '{}', 'calendar clip', ?)")
                .params(ws, video, CREATED).update(keys, "id");
        return keys.getKey().longValue();
    }
}
