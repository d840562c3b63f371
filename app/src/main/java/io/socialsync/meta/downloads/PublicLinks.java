package io.socialsync.meta.downloads;

import static io.socialsync.db.Timestamps.utc;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL over meta_public_links: a downloaded file's permanent public link, when the option is on. The token is the
 * credential (32 random bytes, URL-safe base64): whoever holds the link reads the file, for as long as the row lives
 * (until {@link PublicLinkRevocation}).
 */
@Repository
public class PublicLinks {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;

    public PublicLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The post's token, made now if it has none (a re-download keeps its link). */
    public String ensure(long workspaceId, long metaPostId, Instant now) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        jdbc.sql("INSERT INTO meta_public_links (token, workspace_id, meta_post_id, created_at) VALUES (?,?,?,?) "
                        + "ON CONFLICT DO NOTHING")
                .params(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), workspaceId, metaPostId,
                        utc(now)).update();
        return of(workspaceId, java.util.List.of(metaPostId)).get(metaPostId);
    }

    /** Tokens by meta post id, for the posts that have one. */
    public Map<Long, String> of(long workspaceId, Collection<Long> metaPostIds) {
        var out = new HashMap<Long, String>();
        if (!metaPostIds.isEmpty()) {
            jdbc.sql("SELECT meta_post_id, token FROM meta_public_links WHERE workspace_id = :ws AND meta_post_id "
                            + "IN (:ids)").param("ws", workspaceId).param("ids", metaPostIds)
                    .query(rs -> {
                        out.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return out;
    }

    /** @return whether there was a link to remove */
    boolean revoke(long workspaceId, long metaPostId) {
        return jdbc.sql("DELETE FROM meta_public_links WHERE workspace_id = ? AND meta_post_id = ?")
                .params(workspaceId, metaPostId).update() > 0;
    }

    public record Target(long workspaceId, long metaPostId) {
    }

    public Optional<Target> byToken(String token) {
        return jdbc.sql("SELECT workspace_id, meta_post_id FROM meta_public_links WHERE token = ?").param(token)
                .query((rs, n) -> new Target(rs.getLong(1), rs.getLong(2))).optional();
    }
}
