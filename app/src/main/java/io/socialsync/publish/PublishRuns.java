package io.socialsync.publish;

import static io.socialsync.db.Timestamps.utc;

import io.socialsync.platforms.Progress;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL over the columns a publishing run adds to publications (V7_1): the write-ahead step, remote handles,
 * recovery count, result and publisher choice. Journal writes are guarded by state = PUBLISHING, so a run whose
 * publication was taken from it can tell and stop.
 */
@Repository
public class PublishRuns {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;

    public PublishRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Progress progress(long ws, long id) {
        return jdbc.sql("SELECT publish_step, attempt_intent_at, remote_handles, recovery_tries FROM publications "
                        + "WHERE workspace_id = ? AND id = ?").params(ws, id)
                .query((rs, n) -> {
                    var at = rs.getObject("attempt_intent_at", OffsetDateTime.class);
                    return new Progress(rs.getString("publish_step"), at == null ? null : at.toInstant(),
                            handles(rs.getString("remote_handles")), rs.getInt("recovery_tries"));
                }).optional().orElse(Progress.NONE);
    }

    public boolean intent(long ws, long id, String step, Instant at) {
        return jdbc.sql("UPDATE publications SET publish_step = ?, attempt_intent_at = ?, updated_at = ? "
                        + "WHERE workspace_id = ? AND id = ? AND state = 'PUBLISHING'")
                .params(step, utc(at), utc(at), ws, id).update() == 1;
    }

    public boolean recorded(long ws, long id, String step, Map<String, String> handles, Instant at) {
        return jdbc.sql("UPDATE publications SET publish_step = ?, attempt_intent_at = NULL, remote_handles = ?, "
                        + "updated_at = ? WHERE workspace_id = ? AND id = ? AND state = 'PUBLISHING'")
                .params(step, JSON.writeValueAsString(handles), utc(at), ws, id).update() == 1;
    }

    /** Everything about the remote side forgotten: the next run starts from scratch (only when nothing posted). */
    void clear(long ws, long id) {
        jdbc.sql("UPDATE publications SET publish_step = NULL, attempt_intent_at = NULL, remote_handles = NULL, "
                + "recovery_tries = 0 WHERE workspace_id = ? AND id = ?").params(ws, id).update();
    }

    public int bumpRecovery(long ws, long id) {
        jdbc.sql("UPDATE publications SET recovery_tries = recovery_tries + 1 WHERE workspace_id = ? AND id = ?")
                .params(ws, id).update();
        return progress(ws, id).recoveryTries();
    }

    public void result(long ws, long id, String externalId, String url, Instant postedAt) {
        jdbc.sql("UPDATE publications SET external_id = ?, external_url = ?, posted_at = ?, attempt_intent_at = NULL, "
                        + "lease_token = NULL, lease_expires_at = NULL WHERE workspace_id = ? AND id = ?")
                .params(externalId, url, utc(postedAt), ws, id).update();
    }

    public record Result(String publisher, String externalId, String url, Instant postedAt) {
    }

    public Optional<Result> resultOf(long ws, long id) {
        return jdbc.sql("SELECT publisher, external_id, external_url, posted_at FROM publications "
                        + "WHERE workspace_id = ? AND id = ?").params(ws, id)
                .query((rs, n) -> {
                    var at = rs.getObject("posted_at", OffsetDateTime.class);
                    return new Result(rs.getString("publisher"), rs.getString("external_id"),
                            rs.getString("external_url"), at == null ? null : at.toInstant());
                }).optional();
    }

    public void publisher(long ws, long id, String publisher) {
        jdbc.sql("UPDATE publications SET publisher = ? WHERE workspace_id = ? AND id = ?")
                .params(publisher, ws, id).update();
    }

    static Map<String, String> handles(String json) {
        return json == null || json.isBlank() ? Map.of()
                : new LinkedHashMap<>(JSON.readValue(json, new TypeReference<Map<String, String>>() {
                }));
    }
}
