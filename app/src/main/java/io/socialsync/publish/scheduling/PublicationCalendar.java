package io.socialsync.publish.scheduling;

import static io.socialsync.db.Timestamps.instant;
import static io.socialsync.db.Timestamps.utc;

import io.socialsync.accounts.SocialAccounts;
import io.socialsync.platforms.Platform;
import io.socialsync.publish.PublicationState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Repository;

/**
 * The calendar's SQL. A page is one range scan of {@code publications_calendar} (workspace_id, scheduled_for, id),
 * or of {@code publications_account_slot} (social_account_id, scheduled_for, id) with an account, from the cursor
 * on, stopped at the limit: its cost does not grow with the workspace's history. The accounts' handles and zones
 * come from the accounts feature, one query per page.
 */
@NamedInterface("scheduling")
@Repository
public class PublicationCalendar {
    private final JdbcClient jdbc;
    private final SocialAccounts accounts;

    public PublicationCalendar(JdbcClient jdbc, SocialAccounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    public List<CalendarEntry> page(CalendarQuery q) {
        var sql = new StringBuilder("SELECT p.id, p.clip_id, p.variant_id, p.social_account_id, "
                + "p.platform, p.state, p.scheduled_for, p.window_end, p.publisher, p.external_url FROM publications p "
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
        var rows = jdbc.sql(sql.toString())
                .param("ws", q.workspaceId()).param("from", utc(q.from())).param("to", utc(q.to()))
                .param("account", q.socialAccountId())
                .param("platform", q.platform() == null ? null : q.platform().wire())
                .param("states", q.states().isEmpty() ? List.of("") : q.states().stream().map(Enum::name).toList())
                .param("at", q.after() == null ? null : utc(q.after().at()))
                .param("afterId", q.after() == null ? null : q.after().id())
                .param("limit", q.limit())
                .query((rs, n) -> map(rs)).list();
        var labels = accounts.labels(q.workspaceId(), rows.stream().map(CalendarEntry::socialAccountId).distinct().toList());
        return rows.stream().map(e -> {
            var label = labels.get(e.socialAccountId());
            return label == null ? e : new CalendarEntry(e.id(), e.clipId(), e.variantId(), e.socialAccountId(),
                    label.handle(), label.zone(), e.platform(), e.state(), e.scheduledFor(), e.windowEnd(),
                    e.publisher(), e.url());
        }).toList();
    }

    /** Without the account's handle and zone: page() adds them from the accounts feature. */
    private static CalendarEntry map(ResultSet rs) throws SQLException {
        return new CalendarEntry(rs.getLong("id"), rs.getLong("clip_id"), rs.getObject("variant_id", Long.class),
                rs.getLong("social_account_id"), null, null,
                Platform.parse(rs.getString("platform")).orElseThrow(), PublicationState.valueOf(rs.getString("state")),
                instant(rs, "scheduled_for"), instant(rs, "window_end"), rs.getString("publisher"),
                rs.getString("external_url"));
    }
}
