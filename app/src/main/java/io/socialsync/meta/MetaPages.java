package io.socialsync.meta;

import static io.socialsync.db.Timestamps.utc;
import static io.socialsync.db.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL over meta_pages. */
@Repository
public class MetaPages {
    private static final String COLUMNS = "id, workspace_id, page_id, ig_user_id, name, created_at";
    private final JdbcClient jdbc;

    public MetaPages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long workspaceId, String pageId, String igUserId, String name, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO meta_pages (workspace_id, page_id, ig_user_id, name, created_at) VALUES (?,?,?,?,?)")
                .params(workspaceId, pageId, igUserId, name, utc(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Whether either id is already connected to this workspace. */
    public boolean taken(long workspaceId, String pageId, String igUserId) {
        return jdbc.sql("SELECT COUNT(*) FROM meta_pages WHERE workspace_id = ? AND (page_id = ? OR ig_user_id = ?)")
                .params(workspaceId, pageId, igUserId).query(Long.class).single() > 0;
    }

    public Optional<MetaPage> byId(long workspaceId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM meta_pages WHERE workspace_id = ? AND id = ?")
                .params(workspaceId, id).query((rs, n) -> map(rs)).optional();
    }

    public List<MetaPage> list(long workspaceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM meta_pages WHERE workspace_id = ? ORDER BY id")
                .param(workspaceId).query((rs, n) -> map(rs)).list();
    }

    public void delete(long workspaceId, long id) {
        jdbc.sql("DELETE FROM meta_pages WHERE workspace_id = ? AND id = ?").params(workspaceId, id).update();
    }

    /** The workspaces an event of this account goes to: by page id for Facebook, by user id for Instagram. */
    public List<Long> workspacesOf(MetaPlatform platform, String accountId) {
        String column = platform == MetaPlatform.FACEBOOK ? "page_id" : "ig_user_id";
        return jdbc.sql("SELECT workspace_id FROM meta_pages WHERE " + column + " = ? ORDER BY workspace_id")
                .param(accountId).query(Long.class).list();
    }

    private static MetaPage map(ResultSet rs) throws SQLException {
        return new MetaPage(rs.getLong("id"), rs.getLong("workspace_id"), rs.getString("page_id"),
                rs.getString("ig_user_id"), rs.getString("name"), instant(rs, "created_at"));
    }
}
