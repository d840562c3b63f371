package io.socialsync.meta.webhooks;

import io.socialsync.meta.MetaPlatform;
import io.socialsync.meta.PostType;
import io.socialsync.meta.webhooks.MetaChange.Counter;
import io.socialsync.meta.webhooks.MetaChange.Engagement;
import io.socialsync.meta.webhooks.MetaChange.NewPost;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Page webhooks ({@code object: "page"}): the {@code feed} field (posts, comments, reactions, shares) and
 * {@code mention}. Anything else, or anything missing a post id, is ignored rather than guessed at.
 */
final class FacebookChanges {
    private static final MetaPlatform FB = MetaPlatform.FACEBOOK;

    private FacebookChanges() {
    }

    static Optional<MetaChange> of(String pageId, String field, JsonNode v) {
        String verb = Json.lower(v, "verb");
        String postId = Json.text(v, "post_id");
        if (field.equals("mention")) {
            return verb.equals("add") && postId != null
                    ? Optional.of(new Engagement(pageId, FB, postId, Counter.MENTIONS, 1)) : Optional.empty();
        }
        if (!field.equals("feed")) {
            return Optional.empty();
        }
        return switch (Json.lower(v, "item")) {
            case "photo", "video", "status" -> verb.equals("add") ? newPost(pageId, v, postId) : Optional.empty();
            case "comment" -> counted(pageId, postId, Counter.COMMENTS, verb);
            case "reaction", "like" -> counted(pageId, postId, Counter.LIKES, verb);
            case "share" -> verb.equals("add") ? counted(pageId, postId, Counter.SHARES, verb) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** add counts one up, remove one down (never below zero); an edited reaction changes nothing. */
    private static Optional<MetaChange> counted(String pageId, String postId, Counter counter, String verb) {
        int delta = verb.equals("add") ? 1 : verb.equals("remove") ? -1 : 0;
        return postId == null || delta == 0 ? Optional.empty()
                : Optional.of(new Engagement(pageId, FB, postId, counter, delta));
    }

    private static Optional<MetaChange> newPost(String pageId, JsonNode v, String postId) {
        String item = Json.lower(v, "item");
        String id = postId != null ? postId : Json.text(v, item.equals("video") ? "video_id" : "photo_id");
        if (id == null) {
            return Optional.empty();
        }
        String url = firstUrl(v);
        PostType type = switch (item) {
            case "video" -> PostType.VIDEO;
            case "photo" -> PostType.PHOTO;
            default -> url != null ? PostType.PHOTO : PostType.STATUS; // a status with photos is a photo post
        };
        return Optional.of(new NewPost(pageId, FB, id, type, Json.text(v, "message"), url));
    }

    /** media_url when sent, else link (photos, videos), else the first of photos[] (statuses with pictures). */
    private static String firstUrl(JsonNode v) {
        String url = Json.httpUrl(v.path("media_url"));
        if (url == null) {
            url = Json.httpUrl(v.path("link"));
        }
        if (url == null && v.path("photos").isArray() && !v.path("photos").isEmpty()) {
            url = Json.httpUrl(v.path("photos").get(0));
        }
        return url;
    }
}
