package io.socialsync.meta.downloads;

import io.socialsync.domain.NotFound;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import io.socialsync.meta.MetaPosts;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends a post's permanent public link, e.g. one that reached someone it should not have: the token stops working at
 * once (a cache that kept the file may serve it for up to a day, its Cache-Control). A later download of the same
 * post, with the option still on, makes a new link with a new token.
 */
@Service
public class PublicLinkRevocation {
    private final MetaPosts posts;
    private final PublicLinks links;
    private final Ledger ledger;

    public PublicLinkRevocation(MetaPosts posts, PublicLinks links, Ledger ledger) {
        this.posts = posts;
        this.links = links;
        this.ledger = ledger;
    }

    /** @return whether the post had a link (revoking twice changes nothing the second time) */
    @Transactional
    public boolean revoke(long workspaceId, long metaPostId, Actor actor) {
        var post = posts.byId(workspaceId, metaPostId).orElseThrow(() -> new NotFound("meta post", metaPostId));
        if (!links.revoke(workspaceId, metaPostId)) {
            return false;
        }
        ledger.append(new LedgerEvent.New(workspaceId, actor, EventType.META_PUBLIC_LINK_REVOKED, "meta_post",
                Long.toString(metaPostId), null, Map.of("post_id", post.postId())));
        return true;
    }
}
