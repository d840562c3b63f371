package io.socialsync.publish;

import static io.socialsync.db.Timestamps.instant;
import static io.socialsync.db.Timestamps.utc;

import io.socialsync.platforms.Platform;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL over publications; everything a request reaches is scoped by workspace. */
@Repository
public class Publications {
    private static final String COLUMNS = "id, workspace_id, clip_id, variant_id, social_account_id, platform, state, "
            + "scheduled_for, window_end, requested_for, rules_version, caption, scheduled_by, idempotency_key, "
            + "job_id, last_error, created_at, updated_at";
    private static final List<String> OCCUPYING = PublicationState.OCCUPYING.stream().map(Enum::name).toList();
    private final JdbcClient jdbc;

    public Publications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Publication p) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO publications (workspace_id, clip_id, variant_id, social_account_id, platform, state, "
                        + "scheduled_for, window_end, requested_for, rules_version, caption, scheduled_by, "
                        + "idempotency_key, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(p.workspaceId(), p.clipId(), p.variantId(), p.socialAccountId(), p.platform().wire(),
                        p.state().name(), utc(p.scheduledFor()), utc(p.windowEnd()), utc(p.requestedFor()),
                        p.rulesVersion(), p.caption(), p.scheduledBy(), p.idempotencyKey(), utc(p.createdAt()),
                        utc(p.updatedAt()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Publication> byId(long workspaceId, long id) {
        return one("SELECT " + COLUMNS + " FROM publications WHERE workspace_id = ? AND id = ?", workspaceId, id);
    }

    public Optional<Publication> lockById(long workspaceId, long id) {
        return one("SELECT " + COLUMNS + " FROM publications WHERE workspace_id = ? AND id = ? FOR UPDATE",
                workspaceId, id);
    }

    public Optional<Publication> byIdempotencyKey(long workspaceId, String key) {
        return one("SELECT " + COLUMNS + " FROM publications WHERE workspace_id = ? AND idempotency_key = ?",
                workspaceId, key);
    }

    public List<Publication> ofClip(long workspaceId, long clipId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM publications WHERE workspace_id = ? AND clip_id = ? ORDER BY id")
                .params(workspaceId, clipId).query((rs, n) -> map(rs)).list();
    }

    /** An open or posted publication of the same clip (and variant) to the same account: a second would repost. */
    public Optional<Publication> sameContent(long workspaceId, long accountId, long clipId, Long variantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM publications WHERE workspace_id = :ws AND clip_id = :clip "
                        + "AND social_account_id = :account AND state IN (:states) AND "
                        + (variantId == null ? "variant_id IS NULL" : "variant_id = :variant") + " ORDER BY id LIMIT 1")
                .param("ws", workspaceId).param("clip", clipId).param("account", accountId).param("states", OCCUPYING)
                .param("variant", variantId).query((rs, n) -> map(rs)).optional();
    }

    /** An occupied slot: the publication holding it and its instant. */
    public record Slot(long id, Instant at) {
    }

    /** Nearest occupied slot at or before {@code t}: one backward probe of (social_account_id, scheduled_for). */
    public Optional<Slot> slotAtOrBefore(long accountId, Instant t, Long excluding) {
        return slot("scheduled_for <= :t", "DESC", accountId, t, excluding);
    }

    /** Nearest occupied slot after {@code t}: one forward probe of the same index. */
    public Optional<Slot> slotAfter(long accountId, Instant t, Long excluding) {
        return slot("scheduled_for > :t", "ASC", accountId, t, excluding);
    }

    private Optional<Slot> slot(String condition, String order, long accountId, Instant t, Long excluding) {
        return jdbc.sql("SELECT id, scheduled_for FROM publications WHERE social_account_id = :account AND " + condition
                        + " AND state IN (:states)" + (excluding != null ? " AND id <> :id" : "")
                        // the account column in ORDER BY changes nothing on PostgreSQL, but H2 walks the index
                        // in order and stops at the first row only when ORDER BY names the index's leading columns;
                        // without it, H2 read every post of the account on that side
                        + " ORDER BY social_account_id " + order + ", scheduled_for " + order + " LIMIT 1")
                .param("account", accountId).param("t", utc(t)).param("states", OCCUPYING).param("id", excluding)
                .query((rs, n) -> new Slot(rs.getLong(1), instant(rs, 2))).optional();
    }

    /** Due SCHEDULED rows, locked; rows another node's tick holds are skipped, so nodes never move one twice. */
    public List<Publication> lockDue(Long workspaceId, Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM publications WHERE state = 'SCHEDULED' AND scheduled_for <= :now"
                        + (workspaceId != null ? " AND workspace_id = :ws" : "")
                        + " ORDER BY scheduled_for, id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("now", utc(now)).param("ws", workspaceId).param("limit", limit)
                .query((rs, n) -> map(rs)).list();
    }

    /** A publication in PUBLISHING by our own publisher, and the job last given to it. */
    public record Publishing(long workspaceId, long id, Long jobId) {
    }

    /** PUBLISHING rows of the internal publisher after {@code afterId}, in id order; workspace null: all. */
    public List<Publishing> publishingAfter(Long workspaceId, long afterId, int limit) {
        return jdbc.sql("SELECT workspace_id, id, job_id FROM publications WHERE state = 'PUBLISHING' "
                        + "AND publisher = 'internal' AND id > :after"
                        + (workspaceId != null ? " AND workspace_id = :ws" : "") + " ORDER BY id LIMIT :limit")
                .param("after", afterId).param("ws", workspaceId).param("limit", limit)
                .query((rs, n) -> new Publishing(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class))).list();
    }

    /** The dry run's answer: what a tick would move now, without locking anything. */
    public List<Long> due(Long workspaceId, Instant now, int limit) {
        return jdbc.sql("SELECT id FROM publications WHERE state = 'SCHEDULED' AND scheduled_for <= :now"
                        + (workspaceId != null ? " AND workspace_id = :ws" : "")
                        + " ORDER BY scheduled_for, id LIMIT :limit")
                .param("now", utc(now)).param("ws", workspaceId).param("limit", limit).query(Long.class).list();
    }

    public List<Publication> openOfAccount(long workspaceId, long accountId, Collection<PublicationState> states) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM publications WHERE workspace_id = :ws "
                        + "AND social_account_id = :account AND state IN (:states) ORDER BY id FOR UPDATE")
                .param("ws", workspaceId).param("account", accountId)
                .param("states", states.stream().map(Enum::name).toList()).query((rs, n) -> map(rs)).list();
    }

    /** Moves a row the caller has locked; the expected state guards against a change made since. */
    public boolean transition(Publication p, PublicationState to, Instant now, Long jobId, String error) {
        return jdbc.sql("UPDATE publications SET state = ?, updated_at = ?, job_id = COALESCE(?, job_id), "
                        + "last_error = COALESCE(?, last_error) WHERE workspace_id = ? AND id = ? AND state = ?")
                .params(to.name(), utc(now), jobId, error, p.workspaceId(), p.id(), p.state().name()).update() == 1;
    }

    public void reslot(Publication p, Instant scheduledFor, Instant windowEnd, Instant requestedFor, int rulesVersion,
                Instant now) {
        jdbc.sql("UPDATE publications SET state = 'SCHEDULED', scheduled_for = ?, window_end = ?, requested_for = ?, "
                        + "rules_version = ?, job_id = NULL, updated_at = ? WHERE workspace_id = ? AND id = ?")
                .params(utc(scheduledFor), utc(windowEnd), utc(requestedFor), rulesVersion, utc(now),
                        p.workspaceId(), p.id())
                .update();
    }

    private Optional<Publication> one(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query((rs, n) -> map(rs)).optional();
    }

    private static Publication map(ResultSet rs) throws SQLException {
        return new Publication(rs.getLong("id"), rs.getLong("workspace_id"), rs.getLong("clip_id"),
                rs.getObject("variant_id", Long.class), rs.getLong("social_account_id"),
                Platform.parse(rs.getString("platform")).orElseThrow(),
                PublicationState.valueOf(rs.getString("state")), instant(rs, "scheduled_for"),
                instant(rs, "window_end"), instant(rs, "requested_for"), rs.getInt("rules_version"),
                rs.getString("caption"), rs.getString("scheduled_by"), rs.getString("idempotency_key"),
                rs.getObject("job_id", Long.class), rs.getString("last_error"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

}
