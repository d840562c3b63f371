package io.socialsync.meta.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.meta.MetaPlatform;
import io.socialsync.meta.PostType;
import io.socialsync.meta.webhooks.MetaChange.Counter;
import io.socialsync.meta.webhooks.MetaChange.Engagement;
import io.socialsync.meta.webhooks.MetaChange.NewPost;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

public class MetaPayloadsTest {

    public static String page(String pageId, String... values) {
        var changes = new StringBuilder();
        for (String v : values) {
            changes.append(changes.isEmpty() ? "" : ",").append("{\"field\":\"feed\",\"value\":").append(v).append('}');
        }
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"" + pageId + "\",\"time\":1700000000,\"changes\":["
                + changes + "]}]}";
    }

    static List<MetaChange> parse(String json) {
        return MetaPayloads.parse(json.getBytes(StandardCharsets.UTF_8)).changes();
    }

    @Test
    void facebookFeedPostsBecomeNewPosts() {
        var changes = parse(page("111",
                "{\"item\":\"video\",\"verb\":\"add\",\"post_id\":\"111_1\",\"message\":\"hi\",\"link\":\"https://cdn/v.mp4\"}",
                "{\"item\":\"photo\",\"verb\":\"add\",\"post_id\":\"111_2\",\"link\":\"https://cdn/p.jpg\"}",
                "{\"item\":\"status\",\"verb\":\"add\",\"post_id\":\"111_3\",\"message\":\"pics\",\"photos\":[\"https://cdn/a.jpg\"]}",
                "{\"item\":\"status\",\"verb\":\"add\",\"post_id\":\"111_4\",\"message\":\"text only\"}",
                "{\"item\":\"photo\",\"verb\":\"edited\",\"post_id\":\"111_2\",\"link\":\"https://cdn/p.jpg\"}",
                "{\"item\":\"video\",\"verb\":\"add\",\"message\":\"no id\"}",
                "{\"item\":\"photo\",\"verb\":\"add\",\"post_id\":\"111_5\",\"message\":\"  \",\"link\":\"file:///etc/passwd\"}"));
        var fb = MetaPlatform.FACEBOOK;
        assertThat(changes).containsExactly(
                new NewPost("111", fb, "111_1", PostType.VIDEO, "hi", "https://cdn/v.mp4"),
                new NewPost("111", fb, "111_2", PostType.PHOTO, null, "https://cdn/p.jpg"),
                new NewPost("111", fb, "111_3", PostType.PHOTO, "pics", "https://cdn/a.jpg"),
                new NewPost("111", fb, "111_4", PostType.STATUS, "text only", null),
                new NewPost("111", fb, "111_5", PostType.PHOTO, null, null));
    }

    @Test
    void facebookEngagementMovesCounters() {
        var changes = parse(page("111",
                "{\"item\":\"comment\",\"verb\":\"add\",\"post_id\":\"111_1\",\"comment_id\":\"c1\"}",
                "{\"item\":\"comment\",\"verb\":\"remove\",\"post_id\":\"111_1\"}",
                "{\"item\":\"reaction\",\"verb\":\"add\",\"post_id\":\"111_1\",\"reaction_type\":\"like\"}",
                "{\"item\":\"reaction\",\"verb\":\"edit\",\"post_id\":\"111_1\",\"reaction_type\":\"love\"}",
                "{\"item\":\"share\",\"verb\":\"add\",\"post_id\":\"111_1\"}",
                "{\"item\":\"comment\",\"verb\":\"add\"}"));
        var fb = MetaPlatform.FACEBOOK;
        assertThat(changes).containsExactly(
                new Engagement("111", fb, "111_1", Counter.COMMENTS, 1),
                new Engagement("111", fb, "111_1", Counter.COMMENTS, -1),
                new Engagement("111", fb, "111_1", Counter.LIKES, 1),
                new Engagement("111", fb, "111_1", Counter.SHARES, 1));
        var mention = parse("{\"object\":\"page\",\"entry\":[{\"id\":111,\"changes\":[{\"field\":\"mention\","
                + "\"value\":{\"post_id\":\"999_1\",\"item\":\"post\",\"verb\":\"add\"}}]}]}");
        assertThat(mention).containsExactly(new Engagement("111", fb, "999_1", Counter.MENTIONS, 1));
    }

    @Test
    void instagramMediaCommentsAndMentions() {
        String json = "{\"object\":\"instagram\",\"entry\":[{\"id\":\"17841400000\",\"time\":1,\"changes\":["
                + "{\"field\":\"media\",\"value\":{\"id\":\"180001\",\"media_type\":\"VIDEO\",\"media_product_type\":\"REELS\","
                + "\"media_url\":\"https://cdn/r.mp4\",\"caption\":\"reel\"}},"
                + "{\"field\":\"media\",\"value\":{\"id\":\"180002\",\"media_type\":\"VIDEO\",\"media_product_type\":\"STORY\","
                + "\"media_url\":\"https://cdn/s.mp4\"}},"
                + "{\"field\":\"media\",\"value\":{\"id\":\"180003\",\"media_type\":\"IMAGE\",\"media_url\":\"https://cdn/i.jpg\",\"caption\":\"img\"}},"
                + "{\"field\":\"comments\",\"value\":{\"id\":\"c9\",\"text\":\"nice\",\"from\":{\"id\":\"1\"},"
                + "\"media\":{\"id\":\"180001\",\"media_product_type\":\"REELS\"}}},"
                + "{\"field\":\"mentions\",\"value\":{\"media_id\":\"180009\",\"comment_id\":\"c10\"}},"
                + "{\"field\":\"story_insights\",\"value\":{\"media_id\":\"180002\",\"reach\":4}}]}]}";
        var ig = MetaPlatform.INSTAGRAM;
        assertThat(parse(json)).containsExactly(
                new NewPost("17841400000", ig, "180001", PostType.VIDEO, "reel", "https://cdn/r.mp4"),
                new NewPost("17841400000", ig, "180002", PostType.STORY, null, "https://cdn/s.mp4"),
                new NewPost("17841400000", ig, "180003", PostType.PHOTO, "img", "https://cdn/i.jpg"),
                new Engagement("17841400000", ig, "180001", Counter.COMMENTS, 1),
                new Engagement("17841400000", ig, "180009", Counter.MENTIONS, 1));
    }

    @Test
    void unusableBodiesAreReportedNotThrown() {
        assertThat(MetaPayloads.parse("not json".getBytes(StandardCharsets.UTF_8)).problem()).isEqualTo("body is not JSON");
        var user = MetaPayloads.parse("{\"object\":\"user\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8));
        assertThat(user.problem()).contains("'user'");
        assertThat(user.object()).isEqualTo("user");
        assertThat(MetaPayloads.parse("[1,2]".getBytes(StandardCharsets.UTF_8)).changes()).isEmpty();
    }
}
