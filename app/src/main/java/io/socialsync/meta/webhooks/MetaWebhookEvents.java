package io.socialsync.meta.webhooks;

import static io.socialsync.db.Timestamps.utc;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The received webhook bodies. Inserting a body already seen does nothing: that is the redelivery check. */
@Repository
public class MetaWebhookEvents {
    private final JdbcClient jdbc;

    public MetaWebhookEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @return the new row's id, or empty when the same body was stored before. ON CONFLICT DO NOTHING (not a
     * caught duplicate-key error) because on PostgreSQL a failed insert would abort the whole transaction.
     */
    public Optional<Long> insertIfNew(Instant receivedAt, String object, String body, String sha256) {
        int inserted = jdbc.sql("INSERT INTO meta_webhook_events (received_at, object, body, body_sha256) "
                        + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(utc(receivedAt), truncate(object, 50), body, sha256).update();
        if (inserted == 0) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("SELECT id FROM meta_webhook_events WHERE body_sha256 = ?").param(sha256)
                .query(Long.class).single());
    }

    public void processed(long id, Instant at, String note) {
        jdbc.sql("UPDATE meta_webhook_events SET processed_at = ?, note = ? WHERE id = ?")
                .params(utc(at), truncate(note, 1000), id).update();
    }

    public long countBySha256(String sha256) {
        return jdbc.sql("SELECT COUNT(*) FROM meta_webhook_events WHERE body_sha256 = ?").param(sha256)
                .query(Long.class).single();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
