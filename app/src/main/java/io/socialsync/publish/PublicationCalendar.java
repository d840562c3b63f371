package io.socialsync.publish;

import static io.socialsync.db.Timestamps.instant;
import static io.socialsync.db.Timestamps.utc;

import io.socialsync.platforms.Platform;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The calendar's SQL. A page is one range scan of {@code publications_calendar} (workspace_id, scheduled_for, id),
 * or of {@code publications_account_slot} (social_account_id, scheduled_for, id) with an account, from the cursor
 * on, stopped at the limit: its cost does not grow with the workspace's history. The account's handle and zone come from one primary-key lookup per row of the page.
 */
@Repository
public class PublicationCalendar {
    private final JdbcClient jdbc;

    public PublicationCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CalendarEntry> page(CalendarQuery q) {
        var sql = new StringBuilder("SELECT p.id, p.clip_id, p.variant_id, p.social_account_id, a.handle, a.timezone, "
                + "p.platform, p.state, p.scheduled_for, p.window_end, p.publisher, p.external_url FROM publications p "
                + "LEFT JOIN social_accounts a ON a.id = p.social_account_id "
                + "WHERE p.workspace_id = :ws AND p.scheduled_for >= :from AND p.scheduled_for < :to");
        if (q.socialAccountId() != null) {
            sql.append(" AND p.social_account_id = :account");
        }
        if (q.platform() != null) {
            sql.append(" AND p.platform = :platform");
        }
        if (!q.states().isEmpty()) {
            sql.append(" AND p.state IN (:states)");
        }
        if (q.after() != null) {
            // the range condition lets the index start at the cursor; the OR breaks ties on the same instant
            sql.append(" AND p.scheduled_for >= :at AND (p.scheduled_for > :at OR p.id > :afterId)");
        }
        // (scheduled_for, id) order, spelled with the index's leading column so that H2 walks the index in order
        // and stops at the limit (PostgreSQL does either way: the column is fixed by the WHERE)
        sql.append(q.socialAccountId() != null ? " ORDER BY p.social_account_id, p.scheduled_for, p.id"
                : " ORDER BY p.workspace_id, p.scheduled_for, p.id").append(" LIMIT :limit");
        return jdbc.sql(sql.toString())
                .param("ws", q.workspaceId()).param("from", utc(q.from())).param("to", utc(q.to()))
                .param("account", q.socialAccountId())
                .param("platform", q.platform() == null ? null : q.platform().wire())
                .param("states", q.states().isEmpty() ? List.of("") : q.states().stream().map(Enum::name).toList())
                .param("at", q.after() == null ? null : utc(q.after().at()))
                .param("afterId", q.after() == null ? null : q.after().id())
                .param("limit", q.limit())
                .query((rs, n) -> map(rs)).list();
    }

    private static CalendarEntry map(ResultSet rs) throws SQLException {
        String zone = rs.getString("timezone");
        return new CalendarEntry(rs.getLong("id"), rs.getLong("clip_id"), rs.getObject("variant_id", Long.class),
                rs.getLong("social_account_id"), rs.getString("handle"), zone == null ? null : ZoneId.of(zone),
                Platform.parse(rs.getString("platform")).orElseThrow(), PublicationState.valueOf(rs.getString("state")),
                instant(rs, "scheduled_for"), instant(rs, "window_end"), rs.getString("publisher"),
                rs.getString("external_url"));
    }
}
