package io.socialsync.accounts;

import static io.socialsync.db.Timestamps.instant;
import static io.socialsync.db.Timestamps.utc;

import io.socialsync.platforms.Platform;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL over social_accounts; every query is scoped by workspace and skips deleted accounts. */
@Repository
public class SocialAccounts {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, workspace_id, platform, handle, external_ids, timezone, "
            + "access_token_enc, refresh_token_enc, token_expires_at, refresh_token_expires_at, token_refreshed_at, "
            + "token_refresh_failures, token_refresh_retry_at, token_refresh_error, status, status_reason, created_at, "
            + "updated_at";
    private final JdbcClient jdbc;

    public SocialAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(SocialAccount a) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO social_accounts (workspace_id, platform, handle, external_ids, timezone, "
                        + "access_token_enc, refresh_token_enc, token_expires_at, refresh_token_expires_at, status, "
                        + "status_reason, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(a.workspaceId(), a.platform().wire(), a.handle(), JSON.writeValueAsString(a.externalIds()),
                        a.timezone().getId(), a.accessTokenEnc(), a.refreshTokenEnc(), utc(a.tokenExpiresAt()),
                        utc(a.refreshTokenExpiresAt()), a.status().wire(), a.statusReason(), utc(a.createdAt()),
                        utc(a.updatedAt()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Writes every mutable column; callers hold the row lock ({@link #lockById}). */
    void update(SocialAccount a) {
        var r = a.refresh();
        jdbc.sql("UPDATE social_accounts SET handle = ?, external_ids = ?, timezone = ?, access_token_enc = ?, "
                        + "refresh_token_enc = ?, token_expires_at = ?, refresh_token_expires_at = ?, "
                        + "token_refreshed_at = ?, token_refresh_failures = ?, token_refresh_retry_at = ?, "
                        + "token_refresh_error = ?, status = ?, status_reason = ?, updated_at = ? "
                        + "WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL")
                .params(a.handle(), JSON.writeValueAsString(a.externalIds()), a.timezone().getId(), a.accessTokenEnc(),
                        a.refreshTokenEnc(), utc(a.tokenExpiresAt()), utc(a.refreshTokenExpiresAt()),
                        utc(r.refreshedAt()), r.failures(), utc(r.retryAt()), r.error(), a.status().wire(),
                        a.statusReason(), utc(a.updatedAt()), a.workspaceId(), a.id())
                .update();
    }

    /** The row stays for the publications that point at it; the tokens go at once. */
    void markDeleted(long workspaceId, long id, Instant at) {
        jdbc.sql("UPDATE social_accounts SET deleted_at = ?, updated_at = ?, access_token_enc = NULL, "
                        + "refresh_token_enc = NULL WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL")
                .params(utc(at), utc(at), workspaceId, id).update();
    }

    public Optional<SocialAccount> byId(long workspaceId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM social_accounts WHERE workspace_id = ? AND id = ? "
                        + "AND deleted_at IS NULL")
                .params(workspaceId, id).query((rs, n) -> map(rs)).optional();
    }

    /** Locks the account row: changes to an account, and slot choices for it, happen one at a time. */
    public Optional<SocialAccount> lockById(long workspaceId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM social_accounts WHERE workspace_id = ? AND id = ? "
                        + "AND deleted_at IS NULL FOR UPDATE")
                .params(workspaceId, id).query((rs, n) -> map(rs)).optional();
    }

    /**
     * Accounts of every workspace whose token the refresher should renew now: active, with an access token that
     * expires by its platform's cutoff, a refresh token where the platform needs one, and no retry pending.
     * Soonest expiry first; the (status, token_expires_at) index bounds the scan.
     */
    public List<SocialAccount> dueForRefresh(Map<Platform, Instant> cutoffs, Set<Platform> needRefreshToken,
                                             Instant now, int limit) {
        if (cutoffs.isEmpty()) {
            return List.of();
        }
        var sql = new StringBuilder("SELECT " + COLUMNS + " FROM social_accounts WHERE status = 'active' "
                + "AND deleted_at IS NULL AND access_token_enc IS NOT NULL AND token_expires_at <= :latest "
                + "AND (token_refresh_retry_at IS NULL OR token_refresh_retry_at <= :now) AND (");
        var params = new HashMap<String, Object>();
        int i = 0;
        for (var cutoff : cutoffs.entrySet()) {
            boolean needsRefreshToken = needRefreshToken.contains(cutoff.getKey());
            sql.append(i > 0 ? " OR " : "").append("(platform = :p").append(i).append(" AND token_expires_at <= :c")
                    .append(i).append(needsRefreshToken ? " AND refresh_token_enc IS NOT NULL)" : ")");
            params.put("p" + i, cutoff.getKey().wire());
            params.put("c" + i, utc(cutoff.getValue()));
            i++;
        }
        sql.append(") ORDER BY token_expires_at, id LIMIT :limit");
        params.put("latest", utc(cutoffs.values().stream().max(Instant::compareTo).orElseThrow()));
        params.put("now", utc(now));
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list();
    }

    /** What a listing of publications shows of their account; kept after the account is deleted. */
    public record Label(String handle, ZoneId zone) {
    }

    /** The labels of these accounts of a workspace, deleted ones included (their publications stay): one query. */
    public Map<Long, Label> labels(long workspaceId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var labels = new HashMap<Long, Label>();
        jdbc.sql("SELECT id, handle, timezone FROM social_accounts WHERE workspace_id = :ws AND id IN (:ids)")
                .param("ws", workspaceId).param("ids", List.copyOf(ids))
                .query((RowCallbackHandler) rs -> labels.put(rs.getLong("id"), new Label(rs.getString("handle"),
                        rs.getString("timezone") == null ? null : ZoneId.of(rs.getString("timezone")))));
        return labels;
    }

    /** Among these accounts, the ones holding an access token. Unscoped: the scheduler tick's batch spans workspaces. */
    public Set<Long> withAccessToken(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT id FROM social_accounts WHERE id IN (:ids) AND access_token_enc IS NOT NULL")
                .param("ids", List.copyOf(ids)).query(Long.class).list());
    }

    List<SocialAccount> page(long workspaceId, Platform platform, Long before, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM social_accounts WHERE workspace_id = :ws AND deleted_at IS NULL "
                        + (platform != null ? "AND platform = :platform " : "")
                        + (before != null ? "AND id < :before " : "") + "ORDER BY id DESC LIMIT :limit")
                .param("ws", workspaceId).param("platform", platform == null ? null : platform.wire())
                .param("before", before).param("limit", limit).query((rs, n) -> map(rs)).list();
    }

    private static SocialAccount map(ResultSet rs) throws SQLException {
        Map<String, String> ids = JSON.readValue(rs.getString("external_ids"), new TypeReference<>() {
        });
        return new SocialAccount(rs.getLong("id"), rs.getLong("workspace_id"),
                Platform.parse(rs.getString("platform")).orElseThrow(), rs.getString("handle"), ids,
                ZoneId.of(rs.getString("timezone")), rs.getString("access_token_enc"),
                rs.getString("refresh_token_enc"), instant(rs, "token_expires_at"),
                instant(rs, "refresh_token_expires_at"), new RefreshState(instant(rs, "token_refreshed_at"),
                        rs.getInt("token_refresh_failures"), instant(rs, "token_refresh_retry_at"),
                        rs.getString("token_refresh_error")),
                AccountStatus.fromWire(rs.getString("status")), rs.getString("status_reason"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

}
