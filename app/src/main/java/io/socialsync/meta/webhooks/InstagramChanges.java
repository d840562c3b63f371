package io.socialsync.meta.webhooks;

import io.socialsync.meta.MetaPlatform;
import io.socialsync.meta.PostType;
import io.socialsync.meta.webhooks.MetaChange.Counter;
import io.socialsync.meta.webhooks.MetaChange.Engagement;
import io.socialsync.meta.webhooks.MetaChange.NewPost;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Instagram webhooks ({@code object: "instagram"}): {@code comments}/{@code live_comments} (value.media.id),
 * {@code mentions} (value.media_id), and {@code media} objects (id, media_type, media_product_type, media_url,
 * caption) for new posts. Instagram sends no removals, so counters only go up here.
 */
final class InstagramChanges {
    private static final MetaPlatform IG = MetaPlatform.INSTAGRAM;

    private InstagramChanges() {
    }

    static Optional<MetaChange> of(String igUserId, String field, JsonNode v) {
        return switch (field) {
            case "comments", "live_comments" -> engagement(igUserId, Json.text(v.path("media"), "id"),
                    Counter.COMMENTS);
            case "mentions" -> engagement(igUserId, Json.text(v, "media_id"), Counter.MENTIONS);
            case "media" -> media(igUserId, v);
            default -> Optional.empty();
        };
    }

    private static Optional<MetaChange> engagement(String igUserId, String mediaId, Counter counter) {
        return mediaId == null ? Optional.empty() : Optional.of(new Engagement(igUserId, IG, mediaId, counter, 1));
    }

    private static Optional<MetaChange> media(String igUserId, JsonNode v) {
        String id = Json.text(v, "id");
        PostType type = type(Json.lower(v, "media_type"), Json.lower(v, "media_product_type"));
        if (id == null || type == null) {
            return Optional.empty();
        }
        return Optional.of(new NewPost(igUserId, IG, id, type, Json.text(v, "caption"),
                Json.httpUrl(v.path("media_url"))));
    }

    private static PostType type(String mediaType, String productType) {
        if (productType.equals("story") || mediaType.equals("story")) {
            return PostType.STORY;
        }
        return switch (mediaType) {
            case "video", "reels" -> PostType.VIDEO;
            case "image", "carousel_album" -> PostType.PHOTO;
            default -> null;
        };
    }
}
