package io.socialsync.ledger;

import static io.socialsync.db.Timestamps.instant;
import static io.socialsync.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger tables. Insert and read only: there is deliberately no delete, and the one update gives rows older
 * than the MAC column their MAC, once ({@link LedgerSealing}).
 */
@Repository
public class LedgerEvents {
    private static final String COLUMNS = "id, occurred_at, workspace_id, actor, event_type, entity_type, entity_id, "
            + "job_id, payload, prev_hash, hash";
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public LedgerEvents(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A chain's last link: {@code lastSeq} 0 and the genesis hash while the chain is empty. */
    record Head(int chain, long lastSeq, String lastHash) {
    }

    private static final String HEADS = "SELECT chain, last_id, last_hash FROM ledger_head";

    private static Head head(ResultSet rs, int n) throws SQLException {
        return new Head(rs.getInt(1), rs.getLong(2), rs.getString(3));
    }

    /** A chain's head, locked for the rest of the transaction, and {@code n} new event ids taken after the lock. */
    record Locked(Head head, long[] ids) {
    }

    /**
     * On PostgreSQL one round trip: the head is locked in a materialized CTE, and the ids are drawn in the outer
     * select, per locked row, so after the lock as the appender requires. Elsewhere the lock, then the ids.
     */
    Locked lockHead(int chain, int n) {
        if (!postgres()) {
            var head = jdbc.sql(HEADS + " WHERE chain = ? FOR UPDATE").param(chain).query(LedgerEvents::head).single();
            return new Locked(head, nextIds(n));
        }
        return jdbc.sql("WITH h AS MATERIALIZED (" + HEADS + " WHERE chain = ? FOR UPDATE) SELECT chain, last_id, "
                        + "last_hash, ARRAY(SELECT nextval('ledger_event_ids') FROM generate_series(1, ?)) FROM h")
                .params(chain, n).query((rs, row) -> {
                    var array = rs.getArray(4);
                    long[] ids = java.util.Arrays.stream((Long[]) array.getArray()).mapToLong(Long::longValue)
                            .sorted().toArray();
                    array.free();
                    return new Locked(head(rs, row), ids);
                }).single();
    }

    private volatile Boolean postgres;

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = postgres = template.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>) c ->
                    c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres"));
        }
        return known;
    }

    /** Every chain's head, locked in chain order (the one order every locker uses, so two never deadlock). */
    List<Head> lockAllHeads() {
        return jdbc.sql(HEADS + " ORDER BY chain FOR UPDATE").query(LedgerEvents::head).list();
    }

    List<Head> heads() {
        return jdbc.sql(HEADS + " ORDER BY chain").query(LedgerEvents::head).list();
    }

    void moveHead(int chain, long seq, String hash) {
        jdbc.sql("UPDATE ledger_head SET last_id = ?, last_hash = ? WHERE chain = ?").params(seq, hash, chain).update();
    }

    /** {@code n} new event ids, in one round trip. A sequence: ids are global and never block an appender. */
    long[] nextIds(int n) {
        return jdbc.sql("SELECT nextval('ledger_event_ids') FROM generate_series(1, ?)").param(n)
                .query(Long.class).list().stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** A row and its place: the {@code seq}-th link of chain {@code chain}. */
    record Link(int chain, long seq, LedgerEvent event) {
    }

    /**
     * The rows of one append and the chain's new head ({@code seq}, {@code hash}): on PostgreSQL one statement, the
     * rows as arrays (one text whatever the count, so it is prepared once per connection) and the head moved in the
     * same round trip; elsewhere one JDBC batch, then the head.
     */
    void append(List<Link> list, LedgerKey key, int chain, long seq, String hash) {
        if (!postgres()) {
            insertAll(list, key);
            moveHead(chain, seq, hash);
            return;
        }
        int n = list.size();
        Object[][] columns = new Object[14][n];
        for (int i = 0; i < n; i++) {
            var link = list.get(i);
            var e = link.event();
            Object[] row = {e.id(), e.occurredAt().toString(), e.workspaceId(), e.actor(), e.eventType(),
                    e.entityType(), e.entityId(), e.jobId(), e.payload(), e.prevHash(), e.hash(), key.mac(e.hash()),
                    link.chain(), link.seq()};
            for (int c = 0; c < row.length; c++) {
                columns[c][i] = row[c];
            }
        }
        String[] types = {"bigint", "varchar", "bigint", "varchar", "varchar", "varchar", "varchar", "bigint",
                "varchar", "varchar", "varchar", "varchar", "int", "bigint"};
        int moved = template.execute((org.springframework.jdbc.core.ConnectionCallback<Integer>) connection -> {
            // occurred_at travels as ISO text (microseconds, UTC) and is cast: it is stored exactly as hashed
            try (var statement = connection.prepareStatement("WITH rows AS (INSERT INTO ledger_events (" + COLUMNS
                    + ", mac, chain, seq) SELECT id, occurred_at::timestamptz, workspace_id, actor, event_type, "
                    + "entity_type, entity_id, job_id, payload, prev_hash, hash, mac, chain, seq FROM unnest(?::bigint[], "
                    + "?::varchar[], ?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], "
                    + "?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int[], ?::bigint[]) AS r(id, occurred_at, "
                    + "workspace_id, actor, event_type, entity_type, entity_id, job_id, payload, prev_hash, hash, mac, "
                    + "chain, seq)) UPDATE ledger_head SET last_id = ?, last_hash = ? WHERE chain = ?")) {
                for (int c = 0; c < columns.length; c++) {
                    statement.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
                }
                statement.setLong(15, seq);
                statement.setString(16, hash);
                statement.setInt(17, chain);
                return statement.executeUpdate();
            }
        });
        if (moved != 1) {
            throw new IllegalStateException("ledger chain " + chain + " has no head row");
        }
    }

    /** One JDBC batch: one round trip to the database for the whole list. */
    void insertAll(List<Link> list, LedgerKey key) {
        template.batchUpdate("INSERT INTO ledger_events (" + COLUMNS + ", mac, chain, seq) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", list, list.size(), (ps, link) -> {
                    var e = link.event();
                    ps.setLong(1, e.id());
                    ps.setObject(2, utc(e.occurredAt()));
                    ps.setLong(3, e.workspaceId());
                    ps.setString(4, e.actor());
                    ps.setString(5, e.eventType());
                    ps.setString(6, e.entityType());
                    ps.setString(7, e.entityId());
                    if (e.jobId() == null) {
                        ps.setNull(8, Types.BIGINT);
                    } else {
                        ps.setLong(8, e.jobId());
                    }
                    ps.setString(9, e.payload());
                    ps.setString(10, e.prevHash());
                    ps.setString(11, e.hash());
                    ps.setString(12, key.mac(e.hash()));
                    ps.setInt(13, link.chain());
                    ps.setLong(14, link.seq());
                });
    }

    /** A row as stored, with its MAC (null on a row older than the column that was never sealed). */
    record Sealed(int chain, long seq, LedgerEvent event, String mac) {
    }

    private static Sealed sealed(ResultSet rs) throws SQLException {
        return new Sealed(rs.getInt("chain"), rs.getLong("seq"), map(rs), rs.getString("mac"));
    }

    /** Every row, chain by chain and in each in seq order, streamed: verification must not hold the whole ledger in
     * memory. */
    void forEachInOrder(Consumer<Sealed> consumer) {
        // the fetch size on this statement only: set on the shared JdbcTemplate it would apply to every query after
        template.query(connection -> {
            var statement = connection.prepareStatement("SELECT " + COLUMNS
                    + ", mac, chain, seq FROM ledger_events ORDER BY chain, seq");
            statement.setFetchSize(1000);
            return statement;
        }, (RowCallbackHandler) rs -> consumer.accept(sealed(rs)));
    }

    /** One probe of the primary key: the stored hash and MAC of one row. */
    Optional<Sealed> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + ", mac, chain, seq FROM ledger_events WHERE id = ?").param(id)
                .query((rs, n) -> sealed(rs)).optional();
    }

    /** One probe of the (chain, seq) index. */
    Optional<Sealed> at(int chain, long seq) {
        return jdbc.sql("SELECT " + COLUMNS + ", mac, chain, seq FROM ledger_events WHERE chain = ? AND seq = ?")
                .params(chain, seq).query((rs, n) -> sealed(rs)).optional();
    }

    /** Sealing rows that predate the MAC column: only where there is none, so nothing already sealed changes. */
    void seal(List<LedgerEvent> rows, LedgerKey key) {
        if (rows.isEmpty()) {
            return;
        }
        template.batchUpdate("UPDATE ledger_events SET mac = ? WHERE id = ? AND mac IS NULL", rows, rows.size(),
                (ps, e) -> {
                    ps.setString(1, key.mac(e.hash()));
                    ps.setLong(2, e.id());
                });
    }

    public List<LedgerEvent> page(LedgerQuery q) {
        var query = pageSql(q);
        return jdbc.sql(query.sql()).params(query.params()).query((rs, n) -> map(rs)).list();
    }

    /** A page's SQL and its named parameters (apart, so a test can ask the database for its plan). */
    record PageSql(String sql, java.util.Map<String, Object> params) {
    }

    static PageSql pageSql(LedgerQuery q) {
        var sql = new StringBuilder("SELECT " + COLUMNS + " FROM ledger_events WHERE workspace_id = :ws");
        var params = new java.util.HashMap<String, Object>();
        params.put("ws", q.workspaceId());
        if (q.entityType() != null) {
            sql.append(" AND entity_type = :entityType");
            params.put("entityType", q.entityType());
        }
        if (q.entityId() != null) {
            sql.append(" AND entity_id = :entityId");
            params.put("entityId", q.entityId());
        }
        if (q.eventType() != null) {
            sql.append(" AND event_type = :eventType");
            params.put("eventType", q.eventType());
        }
        if (q.actor() != null) {
            sql.append(" AND actor = :actor");
            params.put("actor", q.actor());
        }
        if (q.from() != null) {
            sql.append(" AND occurred_at >= :from");
            params.put("from", utc(q.from()));
        }
        if (q.to() != null) {
            sql.append(" AND occurred_at < :to");
            params.put("to", utc(q.to()));
        }
        if (q.before() != null) {
            sql.append(" AND id < :before");
            params.put("before", q.before());
        }
        // the leading columns of the index the filter uses, named though they are fixed: H2 reads an index backwards
        // only when ORDER BY names every column before id, and otherwise sorts the workspace's whole ledger
        sql.append(q.eventType() != null ? " ORDER BY workspace_id DESC, event_type DESC, id DESC"
                : q.entityType() != null && q.entityId() != null
                ? " ORDER BY workspace_id DESC, entity_type DESC, entity_id DESC, id DESC"
                : q.actor() != null ? " ORDER BY workspace_id DESC, actor DESC, id DESC"
                : " ORDER BY workspace_id DESC, id DESC");
        sql.append(" LIMIT :limit");
        params.put("limit", q.limit());
        return new PageSql(sql.toString(), params);
    }

    static LedgerEvent map(ResultSet rs) throws SQLException {
        long jobId = rs.getLong("job_id");
        Long job = rs.wasNull() ? null : jobId;
        return new LedgerEvent(rs.getLong("id"), instant(rs, "occurred_at"), rs.getLong("workspace_id"),
                rs.getString("actor"), rs.getString("event_type"), rs.getString("entity_type"),
                rs.getString("entity_id"), job, rs.getString("payload"), rs.getString("prev_hash"),
                rs.getString("hash"));
    }

}
