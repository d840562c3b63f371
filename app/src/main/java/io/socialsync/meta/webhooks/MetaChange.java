package io.socialsync.meta.webhooks;

import io.socialsync.meta.MetaPlatform;
import io.socialsync.meta.PostType;

/**
 * What one change of a Meta webhook means to us, parsed before any database work. {@code accountId} is the
 * entry's id: a Facebook page id or an Instagram user id, which decides the workspace(s).
 */
public sealed interface MetaChange {
    String accountId();

    MetaPlatform platform();

    /** A new post of a connected page; {@code mediaUrl} null when it carries none (a text status). */
    record NewPost(String accountId, MetaPlatform platform, String postId, PostType type, String message,
                   String mediaUrl) implements MetaChange {
    }

    /** A comment, reaction, share or mention on a post: one counter moves by {@code delta} (+1 or -1). */
    record Engagement(String accountId, MetaPlatform platform, String postId, Counter counter, int delta)
            implements MetaChange {
    }

    enum Counter {
        COMMENTS, LIKES, SHARES, MENTIONS;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
